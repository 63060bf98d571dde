using System.Runtime.Versioning;

namespace QualityMonth.Tests.Deploy;

/// <summary>
/// A real OpenSSH server (Debian's sshd) on a free port of 127.0.0.1, logging in this account with the keys of
/// an authorized_keys file of the test's own — the lines bin/people writes, whose forced command is push-as —
/// the way staff reach the publishing server.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class SshServer : IDisposable
{
    private const string Sshd = "/usr/sbin/sshd";
    private readonly Command _sshd;

    public SshServer(string folder, string authorizedKeys)
    {
        if (!File.Exists(Sshd)) throw new InvalidOperationException($"{Sshd} is missing: apt-get install openssh-server (scripts/setup.sh test)");
        Directory.CreateDirectory(folder);
        var hostKey = Path.Combine(folder, "host_ed25519");
        Keygen(hostKey);
        // sshd running as root needs its privilege-separation folder (made by the service's start-up otherwise).
        if (Environment.UserName == "root") Directory.CreateDirectory("/run/sshd");
        Port = Loopback.FreePort();
        var config = Path.Combine(folder, "sshd_config");
        File.WriteAllText(config, $"""
            ListenAddress 127.0.0.1
            Port {Port}
            HostKey {hostKey}
            PidFile {Path.Combine(folder, "sshd.pid")}
            AuthorizedKeysFile {authorizedKeys}
            # The test's files are under /tmp, which is writable by all: sshd's ownership checks would refuse them.
            StrictModes no
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitRootLogin forced-commands-only
            UsePAM no
            AcceptEnv LANG LC_*
            LogLevel ERROR
            """);
        _sshd = Command.Start(Sshd, folder, null, "-D", "-e", "-f", config);
        Loopback.WaitForListener(_sshd, Port, "sshd");
    }

    public int Port { get; }

    /// <summary>The ssh command git runs (GIT_SSH_COMMAND) to log in with <paramref name="privateKey"/> only.</summary>
    public static string SshCommand(string privateKey) =>
        $"ssh -F /dev/null -i '{privateKey}' -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR";

    /// <summary>The repository's address over this server: ssh://&lt;account&gt;@127.0.0.1:&lt;port&gt;&lt;path&gt;.</summary>
    public string Url(string repository) => $"ssh://{Environment.UserName}@127.0.0.1:{Port}{repository}";

    /// <summary>Makes a key pair without a passphrase: <paramref name="privateKey"/> and its .pub.</summary>
    public static void Keygen(string privateKey)
    {
        var result = Command.Run("ssh-keygen", Path.GetDirectoryName(privateKey)!, "-q", "-t", "ed25519", "-N", "", "-C", Path.GetFileName(privateKey), "-f", privateKey);
        if (result.ExitCode != 0) throw new InvalidOperationException("ssh-keygen failed:\n" + result.Output);
    }

    public void Dispose() => _sshd.Dispose();
}
