using QualityMonth.Diagnostics;

namespace QualityMonth.Search;

/// <summary>Building the search index with Pagefind: problems of the machine, not of the content.</summary>
public static class SearchMessages
{
    public static Message NotInstalled(string expected, string siteRoot, string generator) => new("pagefind-missing",
        $"没有安装搜索索引工具 Pagefind（在 {siteRoot} 或 {generator} 及其上级文件夹中找不到 {expected}），无法生成站内搜索：请运行 ./build.sh（会自动安装），或在网站文件夹中运行 npm ci",
        $"Pagefind is not installed ({expected} was not found in or above {siteRoot} or {generator}): the search index cannot be built. " +
        "Run ./build.sh, which installs it, or 'npm ci' in the repository (package.json pins its Linux packages, @pagefind/linux-x64 and @pagefind/linux-arm64).");

    public static Message NotStarted(string binary, string reason) => new("pagefind-failed",
        $"无法启动 Pagefind（{binary}）：{reason}。请在网站文件夹中运行 npm ci 重新安装",
        $"Pagefind ({binary}) could not be started: {reason}. Run 'npm ci' in the repository to reinstall it.");

    public static Message Failed(string binary, int exitCode, string output) => new("pagefind-failed",
        $"Pagefind（{binary}）生成搜索索引时出错（退出码 {exitCode}）：{output}",
        $"Pagefind ({binary}) failed with exit code {exitCode} while building the search index: {output}");

    public static Message NoIndex(string binary, string entryFile, string output) => new("pagefind-failed",
        $"Pagefind（{binary}）运行结束，但没有生成搜索索引（缺少 {entryFile}）{(output.Length > 0 ? "：" + output : "。")}",
        $"Pagefind ({binary}) finished but wrote no search index ({entryFile} is missing){(output.Length > 0 ? ": " + output : ".")}");

    public static Message Warnings(string output) => new("pagefind-warning",
        $"Pagefind 提示：{output}",
        $"Pagefind: {output}");
}
