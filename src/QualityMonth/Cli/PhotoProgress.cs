using Spectre.Console;

namespace QualityMonth.Cli;

/// <summary>Shows photo processing progress: a bar on a terminal, a plain line per step of 10% in logs (CI).</summary>
public static class PhotoProgress
{
    public static async Task<T> Run<T>(Func<IProgress<(int Done, int Total)>, Task<T>> work)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive || Console.IsOutputRedirected)
        {
            var lastTenth = -1;
            return await work(new OrderedProgress(p =>
            {
                var tenth = p.Total == 0 ? 10 : p.Done * 10 / p.Total;
                if (p.Done == 0 || tenth == lastTenth) return;
                lastTenth = tenth;
                Console.WriteLine($"photos: {p.Done}/{p.Total} processed");
            }));
        }
        T result = default!;
        await AnsiConsole.Progress().AutoClear(true).StartAsync(async context =>
        {
            ProgressTask? task = null;
            result = await work(new OrderedProgress(p =>
            {
                task ??= context.AddTask("photos", maxValue: p.Total);
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
