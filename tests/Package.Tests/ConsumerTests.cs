using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CreateImageSdk.LocalServer;
using Xunit;

namespace CreateImageSdk.Package.Tests
{
    [Collection(PackageCollection.Name)]
    public class ConsumerTests
    {
        private const string ConsumerProgram = """
            using CreateImageSdk;

            using var client = new ImageClient(new ImageClientOptions { BaseUri = new Uri(args[0]), ApiKey = args[1] });
            var response = await client.CreateImage("A cute baby sea otter")
                .WithModel(ImageModel.DallE3)
                .WithSize(ImageSize.Size1024x1792)
                .WithResponseFormat(ImageResponseFormat.B64Json)
                .SendAsync();
            var png = response.Data[0].Bytes!.Value.ToArray();
            var width = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
            var height = (png[20] << 24) | (png[21] << 16) | (png[22] << 8) | png[23];
            Console.WriteLine($"{width}x{height} revised={response.Data[0].RevisedPrompt is not null}");

            // An edit: the first image back as the input, uploaded from a file.
            File.WriteAllBytes("input.png", png);
            var edited = await client.EditImage("Add a beret", ImageInput.FromFile("input.png"))
                .UsingGptImage1_5()
                .WithSize(GptImage1_5EditSize.Size1536x1024)
                .SendAsync();
            var editedPng = edited.Data[0].Bytes!.Value.ToArray();
            Console.WriteLine($"edit {(editedPng[16] << 24) | (editedPng[17] << 16) | (editedPng[18] << 8) | editedPng[19]}x{(editedPng[20] << 24) | (editedPng[21] << 16) | (editedPng[22] << 8) | editedPng[23]}");
            """;

        private static readonly Regex Warning = new Regex(@"warning [A-Z]+\d+", RegexOptions.CultureInvariant);

        private readonly PackageFixture _package;

        public ConsumerTests(PackageFixture package) => _package = package;

        [Fact]
        public async Task Net10Consumer_BuildsWithoutWarnings_AndCreatesAnImage()
        {
            var directory = _package.CreateConsumer("Net10Consumer", "net10.0", files: ("Program.cs", ConsumerProgram));
            var build = await DotNet.RunAsync(directory, "build", "-c", "Release", "-nodeReuse:false");
            Assert.True(build.ExitCode == 0, build.ToString());
            Assert.DoesNotMatch(Warning, build.Output);

            await using var server = await LocalImageServer.StartAsync();
            var run = await DotNet.RunAsync(directory, "bin/Release/net10.0/Net10Consumer.dll", server.BaseUri.ToString(), LocalImageServer.DefaultApiKey);
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal("1024x1792 revised=True\nedit 1536x1024", run.Output.Trim().Replace("\r\n", "\n"));
            Assert.Contains("\"size\":\"1024x1792\"", server.Requests[0].Body);
            Assert.EndsWith("/images/edits", server.Requests[1].Path);
        }

        private const string CSharp73Source = """
            using System;
            using System.Threading.Tasks;
            using CreateImageSdk;

            public static class Legacy
            {
                public static async Task<string> RunAsync(string baseUri, string apiKey)
                {
                    var options = new ImageClientOptions { BaseUri = new Uri(baseUri), ApiKey = apiKey, MaxRetries = 1 };
                    options.Timeout = TimeSpan.FromMinutes(1);
                    using (var client = new ImageClient(options))
                    {
                        var response = await client.CreateImage("A cute baby sea otter")
                            .WithModel(ImageModel.DallE2)
                            .WithSize(ImageSize.Size256x256)
                            .WithResponseFormat(ImageResponseFormat.B64Json)
                            .SendAsync();
                        return response.Data.Count + " image(s) of " + response.Data[0].Bytes.Value.Length + " bytes";
                    }
                }
            }
            """;

        [Fact]
        public async Task CSharp73Projects_ConfigureTheClientAndSend()
        {
            // A netstandard2.0 library on its default language version (7.3), as .NET Framework-era code is.
            var library = _package.CreateConsumer("CSharp73Library", "netstandard2.0", "<OutputType>Library</OutputType><Nullable>disable</Nullable><ImplicitUsings>disable</ImplicitUsings>",
                ("Legacy.cs", CSharp73Source));
            var libraryBuild = await DotNet.RunAsync(library, "build", "-c", "Release", "-nodeReuse:false");
            Assert.True(libraryBuild.ExitCode == 0, libraryBuild.ToString());
            Assert.DoesNotMatch(Warning, libraryBuild.Output);

            // The same code in a program pinned to C# 7.3, run against the local server.
            var program = _package.CreateConsumer("CSharp73Program", "net10.0", "<LangVersion>7.3</LangVersion><Nullable>disable</Nullable><ImplicitUsings>disable</ImplicitUsings>",
                ("Legacy.cs", CSharp73Source),
                ("Program.cs", "using System; using System.Threading.Tasks; public static class Program { public static async Task Main(string[] args) { Console.WriteLine(await Legacy.RunAsync(args[0], args[1])); } }"));
            var build = await DotNet.RunAsync(program, "build", "-c", "Release", "-nodeReuse:false");
            Assert.True(build.ExitCode == 0, build.ToString());

            await using var server = await LocalImageServer.StartAsync();
            var run = await DotNet.RunAsync(program, "bin/Release/net10.0/CSharp73Program.dll", server.BaseUri.ToString(), LocalImageServer.DefaultApiKey);
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.StartsWith("1 image(s) of ", run.Output.Trim());
        }

        [Theory]
        [InlineData("net8.0", true)]
        [InlineData("net8.0", false)]
        [InlineData("net10.0", false)]
        public async Task Consumer_BuildsWithoutWarnings_WithAndWithoutTheCompilerServer(string targetFramework, bool sharedCompilation)
        {
            // net10.0 with the compiler server is the build of the test above.
            var name = "Consumer_" + targetFramework.Replace(".", string.Empty) + (sharedCompilation ? "_server" : "_noserver");
            var directory = _package.CreateConsumer(name, targetFramework, files: ("Program.cs", ConsumerProgram));
            var build = await DotNet.RunAsync(directory, "build", "-c", "Release", "-nodeReuse:false", "-p:UseSharedCompilation=" + (sharedCompilation ? "true" : "false"));
            Assert.True(build.ExitCode == 0, build.ToString());
            Assert.DoesNotMatch(Warning, build.Output);
            Assert.True(File.Exists(Path.Combine(directory, "bin", "Release", targetFramework, "CreateImageSdk.dll")));
        }

        [Fact]
        public async Task WrongValues_DoNotCompile_EachWithTheExpectedError()
        {
            // One project, one file per mistake: a single build reports every error with its file.
            var cases = new (string File, string ExpectedError, string Source)[]
            {
                ("NoSuchSize.cs", "CS0117", "using CreateImageSdk; static class NoSuchSize { static object M() => ImageSize.Size1000x1000; }"),
                ("StringSize.cs", "CS1503", "using CreateImageSdk; static class StringSize { static object M(ImageClient c) => c.CreateImage(\"otter\").WithSize(\"1024x1024\"); }"),
                ("StringQuality.cs", "CS0029", "using CreateImageSdk; static class StringQuality { static object M() => new CreateImageRequest { Prompt = \"otter\", Quality = \"hd\" }; }"),
                ("StringModel.cs", "CS0029", "using CreateImageSdk; static class StringModel { static object M() => new CreateImageRequest { Prompt = \"otter\", Model = \"dall-e-3\" }; }"),
                ("MissingPrompt.cs", "CS9035", "using CreateImageSdk; static class MissingPrompt { static object M() => new CreateImageRequest { Model = ImageModel.DallE3 }; }"),
                // Model-specific builders: what a model does not accept is not there to call.
                ("DallE3Count.cs", "CS1061", "using CreateImageSdk; static class DallE3Count { static object M(ImageClient c) => c.CreateImage(\"otter\").UsingDallE3().WithCount(4); }"),
                ("DallE2Style.cs", "CS1061", "using CreateImageSdk; static class DallE2Style { static object M(ImageClient c) => c.CreateImage(\"otter\").UsingDallE2().WithStyle(ImageStyle.Vivid); }"),
                ("DallE2WideSize.cs", "CS1503", "using CreateImageSdk; static class DallE2WideSize { static object M(ImageClient c) => c.CreateImage(\"otter\").UsingDallE2().WithSize(DallE3Size.Size1792x1024); }"),
                ("DallE2Hd.cs", "CS0117", "using CreateImageSdk; static class DallE2Hd { static object M() => DallE2Quality.Hd; }"),
                // The analyzer shipped in the package: constant combinations the chosen model rejects.
                ("AnalyzerHd.cs", "CIA001", "using CreateImageSdk; static class AnalyzerHd { static object M() => new CreateImageRequest { Prompt = \"otter\", Model = ImageModel.DallE2, Quality = ImageQuality.Hd }; }"),
                ("AnalyzerSize.cs", "CIA001", "using CreateImageSdk; static class AnalyzerSize { static object M(ImageClient c) => c.CreateImage(\"otter\").WithModel(ImageModel.DallE2).WithSize(ImageSize.Size1792x1024); }"),
                ("AnalyzerStyle.cs", "CIA002", "using CreateImageSdk; static class AnalyzerStyle { static object M(ImageClient c) => c.CreateImage(\"otter\").WithModel(ImageModel.GptImage1).WithStyle(ImageStyle.Vivid); }"),
                ("AnalyzerCount.cs", "CIA003", "using CreateImageSdk; static class AnalyzerCount { static object M(ImageClient c) => c.CreateImage(\"otter\").WithModel(ImageModel.DallE3).WithCount(4); }"),
                // Edits have their own model builders and rules.
                ("EditDallE2Fidelity.cs", "CS1061", "using CreateImageSdk; static class EditDallE2Fidelity { static object M(ImageClient c, ImageInput i) => c.EditImage(\"otter\", i).UsingDallE2().WithInputFidelity(InputFidelity.High); }"),
                ("EditDallE3.cs", "CS1061", "using CreateImageSdk; static class EditDallE3 { static object M(ImageClient c, ImageInput i) => c.EditImage(\"otter\", i).UsingDallE3(); }"),
                ("AnalyzerEditTwoImages.cs", "CIA003", "using CreateImageSdk; static class AnalyzerEditTwoImages { static object M(ImageClient c, ImageInput i) => c.EditImage(\"otter\", i, i).WithModel(ImageModel.DallE2); }"),
                ("AnalyzerEditMini.cs", "CIA002", "using CreateImageSdk; static class AnalyzerEditMini { static object M(ImageClient c, ImageInput i) => c.EditImage(\"otter\", i).WithModel(ImageModel.GptImage1Mini).WithInputFidelity(InputFidelity.High); }"),
                ("AnalyzerPrompt.cs", "CIA004", "using CreateImageSdk; static class AnalyzerPrompt { const string P = \"" + new string('a', 1001) + "\"; static object M() => new CreateImageRequest { Prompt = P, Model = ImageModel.DallE2 }; }"),
            };
            var directory = _package.CreateConsumer("WrongValues", "net10.0", "<OutputType>Library</OutputType>",
                cases.Select(c => (c.File, c.Source)).ToArray());

            var build = await DotNet.RunAsync(directory, "build", "-c", "Release", "-nodeReuse:false");

            Assert.NotEqual(0, build.ExitCode);
            foreach (var (file, expected, _) in cases)
            {
                Assert.Matches(new Regex(Regex.Escape(file) + @"\(\d+,\d+\): error " + expected), build.Output);
            }
        }
    }
}
