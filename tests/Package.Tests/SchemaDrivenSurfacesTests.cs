using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CreateImageSdk.LocalServer;
using Xunit;

namespace CreateImageSdk.Package.Tests
{
    /// <summary>
    /// A parameter added to a copy of schemas/ reaches every surface that takes parameters by name, with no hand edit:
    /// the CLI's flag and batch column, Microsoft.Extensions.AI's AdditionalProperties, and the local server's check of
    /// known parameters. The copy is built for real (the generator runs over the changed schema).
    /// </summary>
    [Collection(PackageCollection.Name)]
    public class SchemaDrivenSurfacesTests
    {
        [Fact]
        public async Task A_parameter_added_to_the_schemas_reaches_the_CLI_MEAI_and_the_local_server()
        {
            var root = Path.Combine(Path.GetTempPath(), "createimagesdk-schema-surfaces", Guid.NewGuid().ToString("N"));
            try
            {
                PackageFixture.CopySources(DotNet.RepoRoot, root, "src", "schemas", Path.Combine("samples", "LocalImageServer"));
                var schemaPath = Path.Combine(root, "schemas", "create-image-request.schema.json");
                var schema = JsonNode.Parse(File.ReadAllText(schemaPath))!;
                schema["properties"]!["seed"] = JsonNode.Parse("""
                    { "type": ["integer", "null"], "minimum": 0, "maximum": 2147483647,
                      "description": "The seed of the random generator. Same seed, same image." }
                    """);
                File.WriteAllText(schemaPath, schema.ToJsonString());
                WriteProbe(root);

                // The public API changes with the schema (that is the point), so its tracking warnings are not errors here.
                foreach (var project in new[] { "probe/Probe.csproj", "src/Cli/CreateImageSdk.Cli.csproj" })
                {
                    var build = await DotNet.RunAsync(root, "build", project, "-c", "Release", "-p:TreatWarningsAsErrors=false", "-nodeReuse:false");
                    Assert.True(build.ExitCode == 0, "building " + project + " failed: " + build);
                }

                var cli = Path.Combine(root, "src", "Cli", "bin", "Release", "net10.0", "create-image.dll");
                var help = await DotNet.RunAsync(root, cli, "--help");
                Assert.Contains("--seed <seed>", help.Output);
                Assert.Contains("The seed of the random generator.", help.Output);

                // Keyless: the copy's own local server, whose known parameters come from the same changed schemas.
                var made = await DotNet.RunAsync(root, cli, "otter", "--model", "gpt-image-1", "--seed", "42", "--out", "otter.png");
                Assert.True(made.ExitCode == 0, made.ToString());
                Assert.True(File.Exists(Path.Combine(root, "otter.png")));

                var refused = await DotNet.RunAsync(root, cli, "otter", "--seed", "-1");
                Assert.Equal(2, refused.ExitCode);
                Assert.Contains("seed", refused.Output);

                File.WriteAllText(Path.Combine(root, "table.csv"), "id,prompt,model,seed\na,An otter,gpt-image-1,7\nb,A fox,gpt-image-1,many\n");
                var table = await DotNet.RunAsync(root, cli, "batch", "table.csv", "--out", "images", "--dry-run");
                Assert.Equal(2, table.ExitCode);
                Assert.Contains("seed 'many' is not a whole number.", table.Output);
                Assert.DoesNotContain("column 'seed' is not a request parameter", table.Output);

                // On the wire, and from Microsoft.Extensions.AI, against a server of this build (which does not know seed:
                // it records the body, then answers "Unrecognized request argument", which shows seed was sent as a member).
                await using var server = await LocalImageServer.StartAsync(new LocalImageServerOptions { ApiKey = "k" });
                var environment = new Dictionary<string, string> { ["OPENAI_API_KEY"] = "k", ["OPENAI_BASE_URL"] = server.BaseUri.ToString() };
                var sent = await DotNet.RunProgramAsync("dotnet", root, environment, cli, "otter", "--model", "gpt-image-1", "--seed", "42", "--out", "sent.png");
                Assert.Contains("Unrecognized request argument supplied: seed", sent.Output);
                Assert.Contains("\"seed\":42", server.Requests[^1].Body);

                var probe = Path.Combine(root, "probe", "bin", "Release", "net10.0", "Probe.dll");
                var meai = await DotNet.RunAsync(root, probe, server.BaseUri.ToString());
                Assert.Contains("many: AdditionalProperties 'seed' cannot be sent: seed 'many' is not a whole number.", meai.Output);
                Assert.Contains("\"seed\":7", server.Requests[^1].Body);
            }
            finally
            {
                try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }

        /// <summary>A console program over the copied CreateImageSdk.Extensions: seed through AdditionalProperties, valid and not.</summary>
        private static void WriteProbe(string root)
        {
            var probe = Path.Combine(root, "probe");
            Directory.CreateDirectory(probe);
            File.WriteAllText(Path.Combine(probe, "Probe.csproj"), """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <IsPackable>false</IsPackable>
                    <GenerateDocumentationFile>false</GenerateDocumentationFile>
                    <NoWarn>$(NoWarn);MEAI001;CS1591</NoWarn>
                  </PropertyGroup>
                  <ItemGroup>
                    <ProjectReference Include="..\src\Extensions\CreateImageSdk.Extensions.csproj" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(probe, "Program.cs"), """
                using System;
                using CreateImageSdk;
                using Microsoft.Extensions.AI;

                using var client = new ImageClient(new ImageClientOptions { ApiKey = "k", BaseUri = new Uri(args[0]), MaxRetries = 0 });
                var generator = client.AsImageGenerator(ImageModel.GptImage1);
                foreach (var seed in new object[] { "many", 7 })
                {
                    try
                    {
                        await generator.GenerateAsync(new ImageGenerationRequest("otter"), new ImageGenerationOptions { AdditionalProperties = new AdditionalPropertiesDictionary { ["seed"] = seed } });
                        Console.WriteLine(seed + ": sent");
                    }
                    catch (Exception ex) when (ex is ArgumentException || ex is ImageApiException)
                    {
                        Console.WriteLine(seed + ": " + ex.Message);
                    }
                }
                """);
        }
    }
}
