using System.Security.Cryptography;
using System.Text;

namespace QualityMonth.Theme.Layout;

/// <summary>
/// The Content-Security-Policy of every page (docs/age-friendly-and-sharing.md), given in each page's
/// <c>&lt;meta http-equiv&gt;</c> for hosts that cannot set headers and in deploy/nginx.conf.example as a header.
/// Scripts run only from the site's own files and the one inline line by its hash, so markup that slipped into a
/// page could not run; WebAssembly is allowed for the search index (Pagefind). Style attributes are allowed for
/// the photos' placeholder colours, which are per photo; style sheets come only from the site.
/// </summary>
public static class ContentSecurityPolicy
{
    public static readonly string InlineScriptHash =
        $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(PageShell.AgeFriendlyEarlyScript)))}'";

    public static readonly string Value =
        $"default-src 'self'; script-src 'self' {InlineScriptHash} 'wasm-unsafe-eval'; style-src 'self'; " +
        "style-src-attr 'unsafe-inline'; img-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";
}
