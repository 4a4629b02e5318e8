using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace CreateImageSdk.LocalServer.Tests;

/// <summary>Models served beside the known ones (a start-up option), and the edits-only chatgpt-image-latest.</summary>
public sealed class AdditionalModelTests
{
    [Fact]
    public async Task An_additional_model_follows_its_base_rules_and_takes_its_extra_values()
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync(new LocalImageServerOptions
        {
            AdditionalModels = [new AdditionalModel("gpt-image-2.5-flare", "gpt-image-2") { Qualities = ["xhigh"] }],
        });
        using var client = new TestClient(server);

        JsonElement ok = await client.PostForJsonAsync("""{"prompt":"A fox","model":"gpt-image-2.5-flare","quality":"xhigh","size":"1536x864"}""", 200);
        Assert.Equal("xhigh", ok.GetProperty("quality").GetString());
        Assert.Equal("1536x864", ok.GetProperty("size").GetString());

        // gpt-image-2's rules: no style; the extra quality is the new model's only.
        JsonElement style = await client.PostForJsonAsync("""{"prompt":"A fox","model":"gpt-image-2.5-flare","style":"vivid"}""", 400);
        Assert.Equal("style", style.GetProperty("error").GetProperty("param").GetString());
        JsonElement known = await client.PostForJsonAsync("""{"prompt":"A fox","model":"gpt-image-2","quality":"xhigh"}""", 400);
        Assert.Equal("quality", known.GetProperty("error").GetProperty("param").GetString());
        JsonElement unknown = await client.PostForJsonAsync("""{"prompt":"A fox","model":"gpt-image-2.5-sunburst"}""", 400);
        Assert.Equal("model_not_found", unknown.GetProperty("error").GetProperty("code").GetString());

        // Edits too, with the base's input rules.
        JsonElement edit = await client.PostEditForJsonAsync(
            """{"prompt":"Add snow","model":"gpt-image-2.5-flare","quality":"xhigh","images":[{"file_id":"file-abc"}]}""", 200);
        Assert.Equal("xhigh", edit.GetProperty("quality").GetString());
    }

    [Fact]
    public async Task Chatgpt_image_latest_edits_but_does_not_generate()
    {
        await using LocalImageServer server = await LocalImageServer.StartAsync();
        using var client = new TestClient(server);

        JsonElement refused = await client.PostForJsonAsync("""{"prompt":"A fox","model":"chatgpt-image-latest"}""", 400);
        Assert.Equal("model", refused.GetProperty("error").GetProperty("param").GetString());
        Assert.Contains("edits images only", refused.GetProperty("error").GetProperty("message").GetString());

        JsonElement edit = await client.PostEditForJsonAsync(
            """{"prompt":"Add snow","model":"chatgpt-image-latest","input_fidelity":"high","images":[{"file_id":"file-abc"}]}""", 200);
        Assert.Equal(1, edit.GetProperty("data").GetArrayLength());
    }
}
