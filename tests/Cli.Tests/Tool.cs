using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace CreateImageSdk.Cli.Tests
{
    /// <summary>Runs <c>create-image</c> as a real process, with its output redirected, against a given server.</summary>
    internal static class Tool
    {
        public static string Dll => Path.Combine(AppContext.BaseDirectory, "create-image.dll");

        public sealed record Result(int ExitCode, string Output, string Error)
        {
            public override string ToString() => "exit " + ExitCode + "\nstdout:\n" + Output + "\nstderr:\n" + Error;
        }

        public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(Dll);
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            start.Environment.Remove("OPENAI_API_KEY");
            start.Environment.Remove("OPENAI_BASE_URL");
            foreach (var pair in environment) start.Environment[pair.Key] = pair.Value;
            return Process.Start(start)!;
        }

        public static async Task<Result> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
        {
            using var process = Start(workingDirectory, environment, arguments);
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var bound = new System.Threading.CancellationTokenSource(TimeSpan.FromMinutes(3));
            try
            {
                await process.WaitForExitAsync(bound.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("create-image did not finish within 3 minutes (a hang):\n" + await output);
            }

            return new Result(process.ExitCode, await output, await error);
        }

        public static string NewFolder()
        {
            var folder = Path.Combine(Path.GetTempPath(), "create-image-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            return folder;
        }

        public static string Csv(string folder, string name, IEnumerable<string> lines)
        {
            var path = Path.Combine(folder, name);
            File.WriteAllText(path, string.Join("\n", lines) + "\n", new UTF8Encoding(false));
            return path;
        }
    }
}
