using Spectre.Console;

namespace QualityMonth.Cli;

/// <summary>
/// Shows photo processing progress: a bar on a terminal, a plain line per step of 10% in logs (CI), nothing when
/// the report is JSON (stdout holds the document alone).
/// </summary>
public static class PhotoProgress
{
    public static async Task<T> Run<T>(Reporter reporter, Func<IProgress<(int Done, int Total)>?, Task<T>> work)
    {
        if (reporter.Format == ReportFormat.Json)
            return await work(null);
        if (!AnsiConsole.Profile.Capabilities.Interactive || Console.IsOutputRedirected)
        {
            var lastTenth = -1;
            return await work(new OrderedProgress(p =>
            {
                var tenth = p.Total == 0 ? 10 : p.Done * 10 / p.Total;
                if (p.Done == 0 || tenth == lastTenth) return;
                lastTenth = tenth;
                Console.WriteLine(reporter.Strings.PhotosProcessed(p.Done, p.Total));
            }));
        }
        T result = default!;
        await AnsiConsole.Progress().AutoClear(true).StartAsync(async context =>
        {
            ProgressTask? task = null;
            result = await work(new OrderedProgress(p =>
            {
                task ??= context.AddTask(reporter.Strings.PhotosTask, maxValue: p.Total);
                task.Value = p.Done;
            }));
        });
        return result;
    }

    /// <summary>Reports synchronously and in order (System.Progress posts to the thread pool, out of order).</summary>
    private sealed class OrderedProgress(Action<(int Done, int Total)> report) : IProgress<(int Done, int Total)>
    {
        private readonly Lock _gate = new();

        public void Report((int Done, int Total) value)
        {
            lock (_gate) report(value);
        }
    }
}
