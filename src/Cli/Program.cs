using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CreateImageSdk;
using CreateImageSdk.Cli;
using CreateImageSdk.Cli.Batch;

// Exit codes: 0 all done; 1 the service or the network failed (for a batch: some rows); 2 the input was refused;
// 3 (batch --via batch-api) submitted and not finished yet: run the same command again to collect.
var requestOptions = RowRequest.Columns.Where(c => c != "prompt").ToDictionary(c => c, c => new Option<string?>("--" + c.Replace('_', '-')) { Description = RowRequest.Describe(c) });

var rulesOf = new Option<string?>("--rules-of") { Description = "A known model whose rules check --model, for a model create-image does not know yet (--model gpt-image-2.5-flare --rules-of gpt-image-2)." };
var uncheckedValues = new Option<bool>("--unchecked") { Description = "Send --model and the values as given, checked only by the rules every model shares (for values create-image does not know yet)." };

var prompt = new Argument<string>("prompt") { Description = "What to draw (with --edit: what to change)." };
var output = new Option<string>("--out") { Description = "The file to write (the folder must exist).", DefaultValueFactory = _ => "image.png" };
var raw = new Option<bool>("--raw") { Description = "Print the status, headers and body as they came instead of writing images." };
// One path per --edit (repeat it for several), so a path is never split: ';' and '|' separate paths only in a table.
var edit = new Option<string[]>("--edit") { Description = "An image to edit (PNG, JPEG or WebP); repeat for several. Makes the request an edit (POST /v1/images/edits) instead of a generation.", Arity = ArgumentArity.OneOrMore };
var mask = new Option<string?>("--mask") { Description = "With --edit: a PNG the size of the first image whose fully transparent areas mark where it may change." };
var root = new RootCommand("create-image: one image from a prompt, an edit of images (--edit), or a batch from a table (create-image batch --help).") { prompt, output, raw, edit, mask };
foreach (var option in requestOptions.Values) root.Add(option);
root.Add(rulesOf);
root.Add(uncheckedValues);
root.SetAction((parse, cancellationToken) => SingleAsync(parse, cancellationToken));

var input = new Argument<string>("table")
{
    Description = "A .csv (header row of wire names: prompt, model, size, …, and an optional id) or .jsonl file. A row with an edit cell (image paths separated by ; or |, " +
                  "relative to the table's folder; in .jsonl also an array) is an edit, with an optional mask cell; other rows are generations.",
};
var folder = new Option<string>("--out") { Description = "The folder for images and the results table.", DefaultValueFactory = _ => "images" };
var parallel = new Option<int>("--parallel") { Description = "How many requests at once.", DefaultValueFactory = _ => 4 };
var dryRun = new Option<bool>("--dry-run") { Description = "Check every row and stop; nothing is sent." };
var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Send the valid rows even when some are invalid." };
var retryUnfinished = new Option<bool>("--retry-unfinished") { Description = "Send again the rows an earlier run started but never finished (they may have been billed)." };
var settingsFile = new Option<string?>("--settings") { Description = "A JSON file of defaults for empty cells, by wire name ({\"model\": \"gpt-image-1.5\", \"quality\": \"low\"}); flags win over it. A default fills only the rows whose request has it (style: generations, input_fidelity: edits)." };
var keepRaw = new Option<bool>("--raw") { Description = "Also keep each answer as it came ({id}.response.json: status, headers, body)." };
var via = new Option<string>("--via")
{
    Description = "live (the default): each row sent at once, paced by the account's rate-limit headers; batch-api: the rows go to OpenAI's Batch API, half the price, done within 24 hours (generations only). Rerun the same command to collect.",
    DefaultValueFactory = _ => "live",
};
via.AcceptOnlyFromAmong("live", "batch-api");
var wait = new Option<bool>("--wait") { Description = "With --via batch-api: wait here until the batches end and write their results (else the command exits once they are submitted; exit code 3)." };
var maxBatchRequests = new Option<int>("--max-batch-requests") { Description = "With --via batch-api: at most this many rows per batch (the service's limit, 50000, by default).", DefaultValueFactory = _ => CreateImageSdk.Batches.ImageBatchJob.MaxRequestsPerBatchLimit };
var pollSeconds = new Option<double>("--poll-interval") { Description = "With --via batch-api --wait: seconds between the first polls (backing off to ten times that while nothing changes).", DefaultValueFactory = _ => 5 };
var batch = new Command("batch", "Send a table of requests: every row validated first, retries and rate limits handled, resumable; --dry-run estimates the cost.") { input, folder, parallel, dryRun, skipInvalid, retryUnfinished, settingsFile, keepRaw, via, wait, maxBatchRequests, pollSeconds };
foreach (var option in requestOptions.Values) batch.Add(option);
batch.Add(rulesOf);
batch.Add(uncheckedValues);
batch.SetAction((parse, cancellationToken) => BatchAsync(parse, cancellationToken));
root.Add(batch);

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    // Bad input is exit code 2, like every other refusal before anything is sent (the parser's own default is 1).
    foreach (var parseError in parsed.Errors) Console.Error.WriteLine("error: " + parseError.Message);
    Console.Error.WriteLine("See create-image --help (or create-image batch --help).");
    return 2;
}

return await parsed.InvokeAsync(new InvocationConfiguration(), CancellationToken.None);

async Task<int> SingleAsync(ParseResult parse, CancellationToken cancellationToken)
{
    var cells = Defaults(parse);
    cells["prompt"] = parse.GetValue(prompt);
    cells[RowRequest.Mask] = parse.GetValue(mask);
    var (request, problems) = RowRequest.Build(cells, parse.GetValue(edit) ?? Array.Empty<string>(), Directory.GetCurrentDirectory());
    if (request is null)
    {
        foreach (var problem in problems) Console.Error.WriteLine("error: " + problem);
        return 2;
    }

    foreach (var note in request.Notes) Console.Error.WriteLine("note: " + note);

    var path = parse.GetValue(output)!;
    var directory = Path.GetDirectoryName(Path.GetFullPath(path));
    if (directory != null && !Directory.Exists(directory))
    {
        Console.Error.WriteLine("error: --out " + path + ": the folder " + directory + " does not exist. Create it first.");
        return 2;
    }

    try
    {
        await using var factory = await ClientFactory.CreateAsync(Console.WriteLine);
        if (parse.GetValue(raw))
        {
            var answer = await request.SendRawAsync(factory.Client, cancellationToken);
            Console.WriteLine(answer.StatusCode + " " + answer.ReasonPhrase);
            foreach (var header in answer.Headers) Console.WriteLine(header.Key + ": " + string.Join(", ", header.Value));
            Console.WriteLine();
            Console.WriteLine(answer.Body);
            return answer.IsSuccessStatusCode ? 0 : 1;
        }

        // Each image goes to its file as the answer arrives: memory stays fixed whatever the images' size.
        var response = await request.SaveAsync(factory.Client, i => request.Images == 1 ? path : Path.ChangeExtension(path, null) + "-" + (i + 1) + Path.GetExtension(path), cancellationToken);
        for (var i = 0; i < response.Data.Count; i++)
        {
            var file = response.Data[i].SavedPath!;
            Console.WriteLine("Wrote " + file + (response.Data[i].RevisedPrompt is { } revised ? " (revised prompt: " + revised + ")" : string.Empty));
        }

        return 0;
    }
    catch (Exception ex) when (ex is ImageClientException || ex is TimeoutException)
    {
        Console.Error.WriteLine("error: " + ex.Message);
        return 1;
    }
    catch (Exception ex) when (ex is ArgumentException || ex is InvalidOperationException)
    {
        // A setting the client refused (OPENAI_API_KEY, OPENAI_BASE_URL); nothing was sent.
        Console.Error.WriteLine("error: " + Sentence(ex));
        return 2;
    }
}

async Task<int> BatchAsync(ParseResult parse, CancellationToken _)
{
    var table = parse.GetValue(input)!;
    if (!File.Exists(table))
    {
        Console.Error.WriteLine("error: " + table + " does not exist.");
        return 2;
    }

    var count = parse.GetValue(parallel);
    if (count < 1 || count > 64)
    {
        Console.Error.WriteLine("error: --parallel must be between 1 and 64, not " + count + ".");
        return 2;
    }

    // First Ctrl+C: stop starting rows and end cleanly (the journal stays consistent); a second one aborts.
    using var stop = new CancellationTokenSource();
    var presses = 0;
    ConsoleCancelEventHandler onCancel = (_, e) =>
    {
        if (Interlocked.Increment(ref presses) > 1) return;
        e.Cancel = true;
        Console.Error.WriteLine("Stopping after the rows in flight… (Ctrl+C again to abort at once)");
        stop.Cancel();
    };
    Console.CancelKeyPress += onCancel;
    try
    {
        IBatchReporter reporter = Console.IsOutputRedirected ? new PlainReporter() : new TerminalReporter();
        await using var factory = await ClientFactory.CreateAsync(reporter.Line);
        var defaults = new Dictionary<string, string?>(StringComparer.Ordinal);
        System.Text.Json.JsonElement? priceSettings = null;
        if (parse.GetValue(settingsFile) is { } file)
        {
            try
            {
                using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
                priceSettings = document.RootElement.Clone();
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    // The price list's own keys: what cost is reckoned with, not a default of the rows.
                    if (property.Name is "prices" or "output_tokens") continue;

                    if (property.Name == RowRequest.Edit || property.Name == RowRequest.Mask)
                    {
                        // They decide what a row is (an edit or a generation), so they belong to the row.
                        Console.Error.WriteLine("error: --settings " + file + ": " + property.Name + " is not a default; give each row its own " + property.Name + " cell.");
                        return 2;
                    }

                    defaults[property.Name] = property.Value.ValueKind == System.Text.Json.JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
                }
            }
            catch (Exception ex) when (ex is IOException || ex is System.Text.Json.JsonException || ex is InvalidOperationException)
            {
                Console.Error.WriteLine("error: --settings " + file + " is not a JSON object of defaults: " + ex.Message);
                return 2;
            }
        }

        foreach (var flag in Defaults(parse)) defaults[flag.Key] = flag.Value;
        var batchSize = parse.GetValue(maxBatchRequests);
        if (batchSize < 1 || batchSize > CreateImageSdk.Batches.ImageBatchJob.MaxRequestsPerBatchLimit)
        {
            Console.Error.WriteLine("error: --max-batch-requests must be between 1 and " + CreateImageSdk.Batches.ImageBatchJob.MaxRequestsPerBatchLimit + " (the Batch API's limit), not " + batchSize + ".");
            return 2;
        }

        var poll = parse.GetValue(pollSeconds);
        if (!(poll > 0 && poll <= 3600))
        {
            Console.Error.WriteLine("error: --poll-interval must be more than 0 and at most 3600 seconds, not " + poll + ".");
            return 2;
        }

        CreateImageSdk.Cli.Pricing.PriceList prices;
        try
        {
            prices = CreateImageSdk.Cli.Pricing.PriceList.Load(priceSettings);
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            return 2;
        }

        var settings = new BatchSettings(table, parse.GetValue(folder)!, defaults, count, parse.GetValue(dryRun), parse.GetValue(skipInvalid), parse.GetValue(retryUnfinished), parse.GetValue(keepRaw))
        {
            ViaBatchApi = parse.GetValue(via) == "batch-api",
            Wait = parse.GetValue(wait),
            MaxBatchRequests = batchSize,
            PollInterval = TimeSpan.FromSeconds(poll),
            Prices = prices,
        };
        return await new BatchRunner(settings, factory.Client, reporter).RunAsync(stop.Token);
    }
    catch (Exception ex) when (ex is ImageClientException || ex is TimeoutException)
    {
        // A Files or Batches API call failed (--via batch-api); the journal holds what was done, so a rerun goes on from there.
        Console.Error.WriteLine("error: " + ex.Message + " Run the same command again to go on; nothing recorded as submitted is submitted again.");
        return 1;
    }
    catch (Exception ex) when (ex is ArgumentException || ex is InvalidOperationException)
    {
        Console.Error.WriteLine("error: " + Sentence(ex));
        return 2;
    }
    finally
    {
        Console.CancelKeyPress -= onCancel;
    }
}

// The message without the "(Parameter '…')" tail ArgumentException adds: it names the setting already.
static string Sentence(Exception ex) => ex.Message.Split(" (Parameter '")[0];

Dictionary<string, string?> Defaults(ParseResult parse)
{
    var cells = requestOptions.Where(o => parse.GetValue(o.Value) != null).ToDictionary(o => o.Key, o => parse.GetValue(o.Value), StringComparer.Ordinal);
    if (parse.GetValue(rulesOf) is { } rules) cells[RowRequest.RulesOf] = rules;
    if (parse.GetValue(uncheckedValues)) cells[RowRequest.Unchecked] = "true";
    return cells;
}
