using QualityMonth.Diagnostics;

namespace QualityMonth.Output;

/// <summary>Why a build will not write to an output folder, or could not: the folder, not the content, is the problem.</summary>
public static class OutputMessages
{
    public static Message OutputHoldsSources(string output, string source) => new("unsafe-output",
        $"输出文件夹 {output} 与网站的源文件 {source} 重叠：生成时会整个替换输出文件夹，源文件会被删除。请另选一个文件夹，例如网站文件夹中的 output/",
        $"the output folder {output} overlaps the site's sources ({source}): a build replaces its output folder wholesale and would delete them; choose another folder, e.g. output/ in the site folder");

    public static Message OutputIsSystemFolder(string output) => new("unsafe-output",
        $"输出文件夹 {output} 是文件系统的根目录或用户主目录，不能被生成的网站替换：请另选一个新的空文件夹",
        $"the output folder {output} is a file-system root or the home folder, which a build must not replace: choose a new, empty folder");

    public static Message OutputNotOurs(string output, string marker) => new("unsafe-output",
        $"输出文件夹 {output} 已有内容，但不是本程序生成的（其中没有 {marker}）：生成时会整个替换它。请另选一个空文件夹，或确认其中的文件不再需要后自行清空",
        $"the output folder {output} is not empty and was not made by this generator (it has no {marker}): a build replaces its output folder wholesale; choose an empty folder, or empty this one yourself once you are sure nothing in it is needed");

    public static Message OutputIsFile(string output) => new("unsafe-output",
        $"输出位置 {output} 是一个文件，不是文件夹：请另选一个文件夹",
        $"the output {output} is a file, not a folder: choose a folder");

    public static Message OutputUnwritable(string folder, string problem) => new("output-unwritable",
        $"无法写入 {folder}：{problem}。请检查磁盘空间和该文件夹的写入权限；上一版网站保持原样",
        $"could not write to {folder}: {problem}; check the free disk space and the permission to write there (the previous site was left as it was)");

    public static Message DiskProblem(string problem) => new("disk-problem",
        $"生成时无法读写文件：{problem}。这是本机磁盘的问题（空间已满、没有权限或文件正被其他程序改动），不是内容的问题：请处理后再生成；输出文件夹保持原样",
        $"a file could not be read or written during the build: {problem}; this is a problem of the machine's disk (full, no permission, or changed by another program), not of the content: fix it and build again (the output folder was left as it was)");

    public static Message OutOfMemory(string problem) => new("out-of-memory",
        $"生成时内存不足：{problem}。这是本机（或发布服务器为生成设定的内存上限）的问题，不是内容的问题：请关闭其他程序或放宽上限后再生成；输出文件夹保持原样",
        $"the build ran out of memory: {problem}; this is a limit of the machine (or of the memory the publishing server allows a build), not a problem of the content: free memory or raise the limit and build again (the output folder was left as it was)");

    public static Message OutputTooLarge(long megabytes, long limit, string largest) => new("output-too-large",
        $"网站的页面和数据文件共 {megabytes} MB，超过上限 {limit} MB（照片不计在内），没有写出：通常是某段很长的文字出现在许多页面上。最大的文件：{largest}",
        $"the site's pages and data files come to {megabytes} MB, over the limit of {limit} MB (photos aside), so nothing was written: usually a very long text repeated on many pages; the largest files: {largest}");
}
