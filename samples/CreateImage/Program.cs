using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CreateImageSdk;
using CreateImageSdk.LocalServer;
using CreateImageSdk.Samples;

// Exit codes: 0 the image was written; 1 the service or the network failed; 2 the input was refused (nothing was sent).
var (arguments, error) = SampleArguments.Parse(args);
if (arguments is null)
{
    Console.Error.WriteLine("error: " + error);
    Console.Error.WriteLine(SampleArguments.Usage);
    return 2;
}

LocalImageServer? localServer = null;
ImageClientOptions options;
if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OPENAI_API_KEY")) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OPENAI_BASE_URL")))
{
    localServer = await LocalImageServer.StartAsync();
    Console.WriteLine("No OPENAI_API_KEY set: using the local placeholder server at " + localServer.BaseUri + " (its images are generated patterns, not AI).");
    options = new ImageClientOptions { ApiKey = LocalImageServer.DefaultApiKey, BaseUri = localServer.BaseUri };
}
else
{
    options = new ImageClientOptions();
}

try
{
    using var client = new ImageClient(options);
    // A current model unless told otherwise (dall-e-2 and dall-e-3 were shut down on the OpenAI API).
    var builder = client.CreateImage(arguments.Prompt).WithModel(arguments.Model ?? ImageModel.GptImage1_5);
    if (arguments.Size is { } size) builder = builder.WithSize(size);
    if (arguments.Quality is { } quality) builder = builder.WithQuality(quality);
    if (arguments.Style is { } style) builder = builder.WithStyle(style);
    if (arguments.Count is { } count) builder = builder.WithCount(count);

    // Ask for the bytes inline where the model allows choosing (dall-e); GPT image models always send them.
    var inline = builder.WithResponseFormat(ImageResponseFormat.B64Json);
    if (!inline.Request.Validate().Any(v => v.Parameter == "response_format")) builder = inline;

    if (arguments.StreamPartialImages is { } partialImages)
    {
        await foreach (var update in builder.WithPartialImages(partialImages).StreamAsync())
        {
            Console.WriteLine(update.Type + (update.PartialImageIndex is { } index ? " #" + index : string.Empty) + ": " + update.Bytes?.Length + " bytes" +
                              (update.Usage is { } usage ? ", " + usage.TotalTokens + " tokens" : string.Empty));
            if (update.Type == ImageStreamEventType.ImageGenerationCompleted && update.Bytes is { } final)
            {
                await File.WriteAllBytesAsync(arguments.Output, final);
                Console.WriteLine("Wrote " + arguments.Output);
            }
        }

        return 0;
    }

    var response = await builder.SendAsync();
    for (var i = 0; i < response.Data.Count; i++)
    {
        var path = response.Data.Count == 1 ? arguments.Output : Path.ChangeExtension(arguments.Output, null) + "-" + (i + 1) + Path.GetExtension(arguments.Output);
        await response.Data[i].SaveAsync(path);
        Console.WriteLine("Wrote " + path + (response.Data[i].RevisedPrompt is { } revised ? " (revised prompt: " + revised + ")" : string.Empty));
    }

    return 0;
}
catch (ImageRequestValidationException ex)
{
    // Each violation names the parameter, the value and what the chosen model allows.
    Console.Error.WriteLine("error: " + ex.Message);
    return 2;
}
catch (ArgumentException ex)
{
    // A setting the client refused when it was created (OPENAI_API_KEY, OPENAI_BASE_URL); the message names it.
    Console.Error.WriteLine("error: " + ex.Message.Split(" (Parameter '")[0]);
    return 2;
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine("error: " + ex.Message);
    return 2;
}
catch (ImageClientException ex)
{
    Console.Error.WriteLine("error: " + ex.Message);
    return 1;
}
catch (TimeoutException ex)
{
    Console.Error.WriteLine("error: " + ex.Message);
    return 1;
}
finally
{
    if (localServer != null) await localServer.DisposeAsync();
}
