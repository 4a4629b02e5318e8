using System;
using System.Threading;
using System.Threading.Tasks;

namespace CreateImageSdk.Cli.Batch
{
    /// <summary>Plain lines, no control codes: for redirected output, logs and CI.</summary>
    internal sealed class PlainReporter : IBatchReporter
    {
        private readonly object _gate = new object();

        public void Line(string text)
        {
            lock (_gate) Console.Out.WriteLine(text);
        }

        public async Task RunAsync(int total, Func<Action, Task> work)
        {
            var done = 0;
            await work(() =>
            {
                var now = Interlocked.Increment(ref done);
                if (now == total || now % Math.Max(1, total / 10) == 0) Line("progress: " + now + "/" + total + " row(s) done.");
            }).ConfigureAwait(false);
        }
    }
}
