using System;
using System.Threading.Tasks;
using Spectre.Console;

namespace CreateImageSdk.Cli.Batch
{
    /// <summary>A progress bar with counts, rate and time left, for an interactive terminal.</summary>
    internal sealed class TerminalReporter : IBatchReporter
    {
        public void Line(string text) => AnsiConsole.MarkupLine(Markup.Escape(text));

        public Task RunAsync(int total, Func<Action, Task> work) =>
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumnless(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("images", maxValue: Math.Max(1, total));
                    await work(() => task.Increment(1)).ConfigureAwait(false);
                });

        /// <summary>Rows per second (the transfer column counts bytes).</summary>
        private sealed class TransferSpeedColumnless : ProgressColumn
        {
            public override Spectre.Console.Rendering.IRenderable Render(Spectre.Console.Rendering.RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
                new Text(task.Speed is { } speed ? speed.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " rows/s" : "-");
        }
    }
}
