using System.Runtime.Versioning;

namespace QualityMonth.Tests.Deploy;

/// <summary>
/// A real nginx (Debian's) serving deploy/nginx.conf.example as an administrator adapts it: the lines marked
/// CHANGE point at the test's deploy root, password file and office network, and it listens on a free port of
/// 127.0.0.1. Requests name the example's host (zly.example.gov.cn) in their Host header.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class NginxServer : IDisposable
{
    private const string Nginx = "/usr/sbin/nginx";
    public const string Host = "zly.example.gov.cn";
    private readonly Command _nginx;

    /// <param name="officeNetwork">What the example's "allow 10.0.0.0/8" becomes (127.0.0.1 makes this machine the office).</param>
    public NginxServer(string folder, string deployRoot, string htpasswd, string officeNetwork)
    {
        if (!File.Exists(Nginx)) throw new InvalidOperationException($"{Nginx} is missing: apt-get install nginx-light (scripts/setup.sh test)");
        Directory.CreateDirectory(folder);
        Port = Loopback.FreePort();
        var example = File.ReadAllText(Path.Combine(Support.Repo.Root, "deploy", "nginx.conf.example"));
        var site = Adapt(example, "/srv/zly/", deployRoot.TrimEnd('/') + "/");
        site = Adapt(site, "listen 80;", $"listen 127.0.0.1:{Port};");
        site = Adapt(site, "listen [::]:80;", "");
        site = Adapt(site, "/etc/nginx/zly-preview.htpasswd;", htpasswd + ";");
        site = Adapt(site, "allow 10.0.0.0/8;", $"allow {officeNetwork};");
        File.WriteAllText(Path.Combine(folder, "site.conf"), site);
        var temp = Path.Combine(folder, "temp");
        Directory.CreateDirectory(temp);
        var config = Path.Combine(folder, "nginx.conf");
        File.WriteAllText(config, $$"""
            daemon off;
            master_process off;
            worker_processes 1;
            pid {{Path.Combine(folder, "nginx.pid")}};
            error_log stderr;
            events { worker_connections 64; }
            http {
                access_log off;
                client_body_temp_path {{temp}}/body;
                proxy_temp_path {{temp}}/proxy;
                fastcgi_temp_path {{temp}}/fastcgi;
                uwsgi_temp_path {{temp}}/uwsgi;
                scgi_temp_path {{temp}}/scgi;
                include {{Path.Combine(folder, "site.conf")}};
            }
            """);
        _nginx = Command.Start(Nginx, folder, null, "-e", "stderr", "-p", folder, "-c", config);
        Loopback.WaitForListener(_nginx, Port, "nginx");
    }

    public int Port { get; }

    /// <summary>A request to the example's host on this nginx.</summary>
    public HttpRequestMessage Get(string path, (string User, string Password)? login = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{Port}{path}");
        request.Headers.Host = Host;
        if (login is { } l)
            request.Headers.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{l.User}:{l.Password}")));
        return request;
    }

    private static string Adapt(string config, string line, string adapted)
    {
        if (!config.Contains(line, StringComparison.Ordinal)) throw new InvalidOperationException($"deploy/nginx.conf.example no longer has '{line}'");
        return config.Replace(line, adapted, StringComparison.Ordinal);
    }

    public void Dispose() => _nginx.Dispose();
}
