using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace CreateImageSdk.Package.Tests
{
    /// <summary>Runs the dotnet CLI (or a built program) and captures what it printed.</summary>
    internal static class DotNet
    {
        public sealed record Result(int ExitCode, string Output)
        {
            public override string ToString() => "exit " + ExitCode + "\n" + Output;
        }

        public static Task<Result> RunAsync(string workingDirectory, params string[] arguments) => RunProgramAsync("dotnet", workingDirectory, arguments);

        public static Task<Result> RunProgramAsync(string program, string workingDirectory, params string[] arguments) =>
            RunProgramAsync(program, workingDirectory, null, arguments);

        /// <summary>As <see cref="RunProgramAsync(string, string, string[])"/>, with environment variables set for the process.</summary>
        public static async Task<Result> RunProgramAsync(string program, string workingDirectory, System.Collections.Generic.IReadOnlyDictionary<string, string>? environment, params string[] arguments)
        {
            var start = new ProcessStartInfo(program)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            // Builds here must not reuse a compiler server that has an older generator or analyzer loaded.
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            start.Environment.Remove("OPENAI_API_KEY");
            start.Environment.Remove("OPENAI_BASE_URL");
            if (environment != null)
            {
                foreach (var pair in environment) start.Environment[pair.Key] = pair.Value;
            }

            using var process = Process.Start(start)!;
            var output = new StringBuilder();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
            output.Append(await stdout).Append(await stderr);
            return new Result(process.ExitCode, output.ToString());
        }

        public static string RepoRoot
        {
            get
            {
                var directory = new DirectoryInfo(AppContext.BaseDirectory);
                while (directory != null && !File.Exists(Path.Combine(directory.FullName, "CreateImageSdk.sln"))) directory = directory.Parent;
                return directory?.FullName ?? throw new InvalidOperationException("CreateImageSdk.sln not found");
            }
        }
    }
}
