using System;
using System.Threading.Tasks;

namespace CreateImageSdk.Cli.Batch
{
    /// <summary>Where a batch tells what it does: a progress bar on a terminal, plain lines when output is redirected.</summary>
    internal interface IBatchReporter
    {
        void Line(string text);

        /// <summary>Runs <paramref name="work"/> with a progress callback to call once per finished row.</summary>
        Task RunAsync(int total, Func<Action, Task> work);
    }
}
