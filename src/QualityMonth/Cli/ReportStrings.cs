using System.Globalization;
using QualityMonth.Model;

namespace QualityMonth.Cli;

/// <summary>
/// Everything the command line says besides the diagnostics themselves, one instance per message language;
/// typed so a missing string fails the build.
/// </summary>
public sealed record ReportStrings
{
    public required string Error { get; init; }
    public required string Warning { get; init; }
    /// <summary>Separates "error" from the message in the grouped listing: full-width in Chinese.</summary>
    public required string Colon { get; init; }
    /// <summary>Pages per language, files, photos (total, processed), output folder, seconds, warnings.</summary>
    public required Func<string, int, int, int, string, double, int, string> Built { get; init; }
    public required Func<int, string, string> BuildFailed { get; init; }
    /// <summary>Pages per language, photos, errors, warnings.</summary>
    public required Func<string, int, int, int, string> Checked { get; init; }
    /// <summary>Errors, warnings: the content did not load, so no page was rendered and no link checked.</summary>
    public required Func<int, int, string> CheckedContentOnly { get; init; }
    /// <summary>Language, translated, total, percent, the figures per kind.</summary>
    public required Func<string, int, int, int, string, string> Coverage { get; init; }
    public required string CoverageSeparator { get; init; }
    public required Func<int, int, string> PhotosProcessed { get; init; }
    /// <summary>The label of the progress bar on a terminal.</summary>
    public required string PhotosTask { get; init; }
    public required Func<string, string> InternalError { get; init; }
    public required Func<string, string> InternalErrorAdvice { get; init; }
    public required Func<string, string> UsageError { get; init; }
    public required Func<string, string> NoSiteFolder { get; init; }
    public required Func<string, string> NoPreviousFolder { get; init; }
    public required string UsageHelp { get; init; }
    public required Func<string, string, string> PreviewServing { get; init; }
    public required Func<long, string> PreviewRebuilt { get; init; }
    public required Func<int, string> PreviewFailed { get; init; }
    /// <summary>The native generator was asked for the preview, which only the generator on the JIT has.</summary>
    public required string PreviewNeedsJit { get; init; }

    public static ReportStrings For(Locale locale) => locale.Pick(Chinese, English);

    private static string N(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static readonly ReportStrings Chinese = new()
    {
        Error = "错误",
        Warning = "警告",
        Colon = "：",
        Built = (pages, files, photos, processed, output, seconds, warnings) =>
            $"已生成 {files} 个文件（页面：{pages}）和 {photos} 张照片（新处理 {processed} 张，其余取自缓存），输出到 {output}，用时 {N(seconds, "0.00")} 秒；{warnings} 个警告。",
        BuildFailed = (errors, output) => $"生成失败，共 {errors} 个错误；{output} 保持原样，没有改动。",
        Checked = (pages, photos, errors, warnings) =>
            $"检查完毕：内容、页面（{pages}）和 {photos} 张照片；{errors} 个错误，{warnings} 个警告。",
        CheckedContentOnly = (errors, warnings) =>
            $"检查了内容：{errors} 个错误，{warnings} 个警告。内容有错误，页面无法生成，页面中的链接还没有检查：改正以上错误后，请再运行一次检查。",
        Coverage = (language, translated, total, percent, kinds) =>
            $"译文覆盖率（{language}）：共 {total} 条文字，已译 {translated} 条（{percent}%）——{kinds}",
        CoverageSeparator = "；",
        PhotosProcessed = (done, total) => $"照片：已处理 {done}/{total}",
        PhotosTask = "处理照片",
        InternalError = detail => $"内部错误：{detail}",
        InternalErrorAdvice = output => $"生成已停止，{output} 保持原样。这是程序的问题，请把这段提示和引起问题的内容一起交给网站维护人员。",
        UsageError = detail => $"用法错误：{detail}",
        NoSiteFolder = folder => $"网站文件夹“{folder}”不存在",
        NoPreviousFolder = folder => $"上一版网站的文件夹“{folder}”不存在（--previous）",
        UsageHelp = "运行 --help 查看命令和选项。",
        PreviewServing = (url, watched) => $"预览地址 {url} ——正在监视 {watched} 的改动。按 Ctrl+C 结束。",
        PreviewRebuilt = milliseconds => $"已重新生成，用时 {milliseconds} 毫秒。",
        PreviewFailed = errors => $"生成失败：{errors} 个错误，已显示在浏览器中。",
        PreviewNeedsJit = "这个生成器是预编译的原生程序，不能在运行中重新编译模板，所以没有预览。请运行 ./build.sh preview（它使用能重新编译模板的生成器）。",
    };

    private static readonly ReportStrings English = new()
    {
        Error = "error",
        Warning = "warning",
        Colon = ": ",
        Built = (pages, files, photos, processed, output, seconds, warnings) =>
            $"Built {files} files (pages: {pages}) and {photos} photo(s) ({processed} processed, the rest from the cache) into {output} in {N(seconds, "0.00")} s; {warnings} warning(s).",
        BuildFailed = (errors, output) => $"Build failed with {errors} error(s); {output} was left as it was.",
        Checked = (pages, photos, errors, warnings) =>
            $"Checked the content, the pages ({pages}) and {photos} photo(s): {errors} error(s), {warnings} warning(s).",
        CheckedContentOnly = (errors, warnings) =>
            $"Checked the content: {errors} error(s), {warnings} warning(s). The pages could not be rendered because of the content errors, so their links are not checked yet: fix the errors above and check again.",
        Coverage = (language, translated, total, percent, kinds) =>
            $"Translation coverage ({language}): {translated}/{total} texts ({percent}%) — {kinds}",
        CoverageSeparator = "; ",
        PhotosProcessed = (done, total) => $"photos: {done}/{total} processed",
        PhotosTask = "photos",
        InternalError = detail => $"internal error: {detail}",
        InternalErrorAdvice = output => $"The build stopped; {output} was left as it was. Please report this with the input that caused it.",
        UsageError = detail => $"usage error: {detail}",
        NoSiteFolder = folder => $"the site folder '{folder}' does not exist",
        NoPreviousFolder = folder => $"the previous site folder '{folder}' does not exist (--previous)",
        UsageHelp = "Run with --help for the commands and options.",
        PreviewServing = (url, watched) => $"Preview on {url} — watching {watched}. Ctrl+C stops.",
        PreviewRebuilt = milliseconds => $"Rebuilt in {milliseconds} ms.",
        PreviewFailed = errors => $"Build failed: {errors} error(s) shown in the browser.",
        PreviewNeedsJit = "This generator is the native one, compiled ahead of time: it cannot compile templates while it runs, so it has no preview. Run ./build.sh preview (it runs the generator that can).",
    };
}
