using System;
using System.IO;
using System.Threading.Tasks;
using CreateImageSdk.Samples;
using Xunit;

namespace CreateImageSdk.Tests
{
    /// <summary>The sample run in-process, as the README runs it (no API key: the local server), with its exit codes.</summary>
    [Collection(EnvironmentCollection.Name)]
    public class SampleProgramTests
    {
        [Fact]
        public async Task ReadmeCommand_WritesThePng_AndExitsWith0()
        {
            var folder = Directory.CreateTempSubdirectory("createimagesdk-sample-").FullName;
            try
            {
                var (exit, _, error) = await RunAsync("A cute baby sea otter", "--model", "dall-e-3", "--size", "1024x1024", "--out", Path.Combine(folder, "otter.png"));

                Assert.True(exit == 0, error);
                Assert.Equal((1024, 1024), PngInfo.Read(File.ReadAllBytes(Path.Combine(folder, "otter.png"))));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        [Fact]
        public async Task SizeTheModelDoesNotTake_Exits2_ListingOnlyThatModelsSizes()
        {
            var (exit, _, error) = await RunAsync("otter", "--model", "dall-e-3", "--size", "1000x1000", "--out", Path.Combine(Path.GetTempPath(), "unused.png"));

            Assert.Equal(2, exit);
            Assert.Contains("size \"1000x1000\" is not allowed when model is dall-e-3; allowed values: 1024x1024, 1792x1024, 1024x1792.", error);
            Assert.DoesNotContain("multiples of 16", error);
            Assert.DoesNotContain("(Parameter", error);
        }

        [Fact]
        public async Task OutputFolderThatDoesNotExist_Exits2_BeforeAnyRequest()
        {
            var (exit, output, error) = await RunAsync("otter", "--out", Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "otter.png"));

            Assert.Equal(2, exit);
            Assert.Contains("does not exist", error);
            Assert.DoesNotContain("local placeholder server", output); // nothing was started, so nothing was sent
        }

        private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
        {
            var previousKey = Environment.GetEnvironmentVariable("OPENAI_API_KEY");
            var previousUrl = Environment.GetEnvironmentVariable("OPENAI_BASE_URL");
            var (previousOut, previousError) = (Console.Out, Console.Error);
            using var output = new StringWriter();
            using var error = new StringWriter();
            try
            {
                Environment.SetEnvironmentVariable("OPENAI_API_KEY", null);
                Environment.SetEnvironmentVariable("OPENAI_BASE_URL", null);
                Console.SetOut(output);
                Console.SetError(error);
                var main = typeof(SampleArguments).Assembly.EntryPoint!;
                // The entry point is the compiler's synchronous wrapper around the async top-level statements.
                var exit = await Task.Run(() => (int)main.Invoke(null, new object[] { args })!);
                return (exit, output.ToString(), error.ToString());
            }
            finally
            {
                Console.SetOut(previousOut);
                Console.SetError(previousError);
                Environment.SetEnvironmentVariable("OPENAI_API_KEY", previousKey);
                Environment.SetEnvironmentVariable("OPENAI_BASE_URL", previousUrl);
            }
        }
    }
}
