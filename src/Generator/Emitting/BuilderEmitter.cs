using System.Linq;
using CreateImageSdk.Generator.Model;

namespace CreateImageSdk.Generator.Emitting
{
    /// <summary>
    /// For a request schema with an <c>x-operation</c>: the fluent builder (one <c>With…</c> per optional
    /// property, each returning a new immutable builder) and the client methods that start and send it.
    /// </summary>
    internal static class BuilderEmitter
    {
        /// <summary>The send steps every builder ends with, general or model-specific.</summary>
        public static void EmitSends(SourceWriter w, OperationSpec operation, bool canStream)
        {
            const string Invalid = "/// <exception cref=\"global::CreateImageSdk.ImageRequestValidationException\">The request breaks the schema's rules; nothing was sent.</exception>";
            w.Line();
            Docs.Summary(w, "Validates the request, sends it, and reads the typed response.");
            w.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
            w.Line("/// <returns>The parsed response.</returns>");
            w.Line(Invalid);
            w.Line("/// <exception cref=\"global::CreateImageSdk.ImageApiException\">The server answered with an error, or with a body that is not the expected JSON.</exception>");
            w.Line("public global::System.Threading.Tasks.Task<" + TypeNames.Namespace + operation.ResponseType + "> SendAsync(global::System.Threading.CancellationToken cancellationToken = default) =>");
            w.Line("    Client." + operation.MethodName + "Async(Request, cancellationToken);");
            if (SavesImages(operation))
            {
                w.Line();
                Docs.Summary(w, SaveSummary);
                w.Line(PathOfImageDoc);
                w.Line("/// <param name=\"cancellationToken\">Cancels the request; no file is left behind.</param>");
                w.Line("/// <returns>The parsed response; each image's <see cref=\"global::CreateImageSdk.GeneratedImage.SavedPath\"/> names its file.</returns>");
                w.Line(Invalid);
                w.Line("/// <exception cref=\"global::CreateImageSdk.ImageApiException\">The server answered with an error, or with a body that is not the expected JSON; no file is left behind.</exception>");
                w.Line("public global::System.Threading.Tasks.Task<global::CreateImageSdk.ImagesResponse> SaveAsync(global::System.Func<int, string> pathOfImage, global::System.Threading.CancellationToken cancellationToken = default) =>");
                w.Line("    Client." + operation.MethodName + "ToFilesAsync(Request, pathOfImage, cancellationToken);");
            }

            w.Line();
            Docs.Summary(w, "Validates the request, sends it, and returns the status, headers and body as they came, without throwing for error statuses.");
            w.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
            w.Line("/// <returns>The raw response.</returns>");
            w.Line(Invalid);
            w.Line("public global::System.Threading.Tasks.Task<global::CreateImageSdk.RawResponse> SendRawAsync(global::System.Threading.CancellationToken cancellationToken = default) =>");
            w.Line("    Client." + operation.MethodName + "RawAsync(Request, cancellationToken);");
            if (!canStream) return;
            w.Line();
            Docs.Summary(w, "Validates the request, sends it with " + Docs.Code(operation.StreamFlag + ": true") + ", and yields each server-sent event as it arrives: partial images, then the completed image.");
            w.Line("/// <param name=\"cancellationToken\">Stops the stream at once.</param>");
            w.Line("/// <returns>The events, in the order the server sent them.</returns>");
            w.Line(Invalid);
            w.Line("/// <exception cref=\"global::CreateImageSdk.ImageApiException\">The server answered with an error, or sent an event that is not the expected JSON.</exception>");
            w.Line("public global::System.Collections.Generic.IAsyncEnumerable<" + TypeNames.Namespace + operation.StreamEvent + "> StreamAsync(global::System.Threading.CancellationToken cancellationToken = default) =>");
            w.Line("    Client." + operation.MethodName + "StreamAsync(Request, cancellationToken);");
        }

        private const string SaveSummary =
            "Validates the request, sends it, and writes each image to its file as the answer arrives: a fixed amount of memory whatever the images' size. " +
            "Files are written under temporary names and renamed once the whole answer is read, so a failed call leaves none.";

        private const string PathOfImageDoc =
            "/// <param name=\"pathOfImage\">The file for the image at each position of the answer (0 for the first), e.g. <c>i =&gt; $\"otter-{i + 1}.png\"</c>; a file there is replaced.</param>";

        /// <summary>Saving to files needs an answer of images (the schema's <c>ImagesResponse</c>).</summary>
        private static bool SavesImages(OperationSpec operation) => operation.ResponseType == "ImagesResponse";

        /// <summary>
        /// The body of one call, in the content type the schema's <c>x-operation</c> declares: JSON through the generated
        /// metadata, or the request's own multipart form.
        /// </summary>
        private static string Body(ObjectSpec spec, string variable) =>
            spec.Operation!.IsMultipart
                ? variable + ".ToForm()"
                : "global::CreateImageSdk.Http.RequestBody.Json(" + variable + ", global::CreateImageSdk.CreateImageSdkJsonContext.Default." + spec.Name + ")";

        /// <param name="finalEvent">How the last streamed event is told, or null when the schema names none.</param>
        /// <param name="plan">The builder's fields, steps, params list and streaming, as bound.</param>
        public static string Emit(ObjectSpec spec, string builder, Binding.FinalEventCheck? finalEvent, Binding.BuilderPlan plan, string schemaFile)
        {
            var operation = spec.Operation!;
            var request = TypeNames.Namespace + spec.Name;
            var response = TypeNames.Namespace + operation.ResponseType;
            var required = spec.Properties.Where(p => p.IsRequired).ToList();
            var w = GeneratedHeader.Start(schemaFile);

            Docs.Summary(w, "Builds and sends a <see cref=\"" + spec.Name + "\"/> step by step. Every <c>With…</c> call returns a new builder (a struct: no allocation per step), so a configured builder can be kept, reused and branched.");
            w.Line(GeneratedHeader.GeneratedCodeAttribute);
            w.Line(RuleAttributes.BuilderFor(spec.Name));
            w.Open("public partial struct " + builder + " : global::CreateImageSdk.IRequestBuilder<" + request + ">");
            BuilderState.EmitMembers(w, builder, spec, spec.Properties.Where(p => plan.Held.Contains(p.WireName)).ToList());
            // The stream flag is not a With… step (the plan leaves it out): the streaming methods set it, so a builder
            // cannot ask for server-sent events and then read them as a plain JSON response.
            foreach (var property in spec.Properties.Where(p => plan.Steps.Contains(p.WireName)))
            {
                var parameter = Identifiers.Parameter(property.Name);
                w.Line();
                Docs.Summary(w, "Sets " + Docs.Code(property.WireName) + ": " + Docs.Text(property.Description));
                Docs.Remarks(w, Docs.PropertyRemarks(property, operation));
                w.Line("/// <param name=\"" + parameter.TrimStart('@') + "\">The value to send.</param>");
                w.Line("/// <returns>A new builder; this one is unchanged.</returns>");
                w.Line(RuleAttributes.WireName(property.WireName));
                BuilderState.EmitWith(w, builder, property, TypeNames.Of(property.Type), parameter, parameter);
            }

            BuilderState.EmitAdditionalProperty(w, builder, spec);
            EmitSends(w, operation, plan.CanStream);
            w.Close();
            w.Line();

            w.Open("public sealed partial class ImageClient");
            // A list as the last required parameter is taken as params: EditImage("prompt", first, second).
            var parameters = string.Join(", ", required.Select(p => RuleAttributes.WireName(p.WireName) + " " +
                (p.WireName == plan.ParamsList ? "params " + TypeNames.Of(p.Type.Item!) + "[]" : TypeNames.Of(p.Type)) + " " + Identifiers.Parameter(p.Name)));
            Docs.Summary(w, "Starts a request to " + Docs.Code(operation.HttpMethod + " " + operation.Path) + ": " + Docs.Text(operation.Summary ?? spec.Description));
            foreach (var property in required)
            {
                w.Line("/// <param name=\"" + Identifiers.Parameter(property.Name).TrimStart('@') + "\">" + Docs.Text(property.Description) + "</param>");
            }

            w.Line("/// <returns>A builder; nothing is sent until <see cref=\"" + builder + ".SendAsync\"/>.</returns>");
            w.Line("public " + builder + " " + operation.MethodName + "(" + parameters + ") =>");
            w.Line("    new " + builder + "(this" + string.Concat(required.Select(p => ", " + Identifiers.Parameter(p.Name))) + ");");
            w.Line();
            Docs.Summary(w, "Validates and sends a request to " + Docs.Code(operation.HttpMethod + " " + operation.Path) + ", and reads the typed response.");
            w.Line("/// <param name=\"request\">The request.</param>");
            w.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
            w.Line("/// <returns>The parsed response.</returns>");
            w.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"request\"/> is null.</exception>");
            w.Line("/// <exception cref=\"global::CreateImageSdk.ImageRequestValidationException\">The request breaks the schema's rules; nothing was sent.</exception>");
            w.Line("/// <exception cref=\"global::CreateImageSdk.ImageApiException\">The server answered with an error, or with a body that is not the expected JSON.</exception>");
            w.Open("public global::System.Threading.Tasks.Task<" + response + "> " + operation.MethodName + "Async(" + request + " request, global::System.Threading.CancellationToken cancellationToken = default)");
            w.Line("global::CreateImageSdk.Validation.ViolationCollector.ThrowIfInvalid(request, request?.Validate());");
            if (plan.StreamFlagProperty is { } streamFlag)
            {
                w.Line("global::CreateImageSdk.Validation.ViolationCollector.ThrowIfStreaming(request!." + streamFlag + " == true, \"" + operation.MethodName + "StreamAsync\");");
            }

            w.Line("return SendAsync(\"" + operation.HttpMethod + "\", " + Identifiers.Literal(operation.Path) + ", request!, " + Body(spec, "request!") + ", global::CreateImageSdk.CreateImageSdkJsonContext.Default." + operation.ResponseType + ", cancellationToken);");
            w.Close();
            if (SavesImages(operation))
            {
                w.Line();
                Docs.Summary(w, "Validates and sends a request to " + Docs.Code(operation.HttpMethod + " " + operation.Path) + ", and writes each image to its file as the answer arrives (a fixed amount of memory whatever the images' size). " +
                                "Files are written under temporary names and renamed once the whole answer is read, so a failed call leaves none.");
                w.Line("/// <param name=\"request\">The request.</param>");
                w.Line(PathOfImageDoc);
                w.Line("/// <param name=\"cancellationToken\">Cancels the request; no file is left behind.</param>");
                w.Line("/// <returns>The parsed response; each image's <see cref=\"global::CreateImageSdk.GeneratedImage.SavedPath\"/> names its file.</returns>");
                w.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"request\"/> or <paramref name=\"pathOfImage\"/> is null.</exception>");
                w.Line("/// <exception cref=\"global::CreateImageSdk.ImageRequestValidationException\">The request breaks the schema's rules; nothing was sent.</exception>");
                w.Line("/// <exception cref=\"global::CreateImageSdk.ImageApiException\">The server answered with an error, or with a body that is not the expected JSON; no file is left behind.</exception>");
                w.Open("public global::System.Threading.Tasks.Task<global::CreateImageSdk.ImagesResponse> " + operation.MethodName + "ToFilesAsync(" + request + " request, global::System.Func<int, string> pathOfImage, global::System.Threading.CancellationToken cancellationToken = default)");
                w.Line("global::CreateImageSdk.Validation.ViolationCollector.ThrowIfInvalid(request, request?.Validate());");
                if (plan.StreamFlagProperty is { } saveStreamFlag)
                {
                    w.Line("global::CreateImageSdk.Validation.ViolationCollector.ThrowIfStreaming(request!." + saveStreamFlag + " == true, \"" + operation.MethodName + "StreamAsync\");");
                }

                w.Line("if (pathOfImage is null) throw new global::System.ArgumentNullException(nameof(pathOfImage));");
                w.Line("return SaveAsync(\"" + operation.HttpMethod + "\", " + Identifiers.Literal(operation.Path) + ", request!, " + Body(spec, "request!") + ", pathOfImage, cancellationToken);");
                w.Close();
            }

            w.Line();
            Docs.Summary(w, "Validates and sends a request to " + Docs.Code(operation.HttpMethod + " " + operation.Path) + ", and returns the status, headers and body as they came, without throwing for error statuses.");
            w.Line("/// <param name=\"request\">The request.</param>");
            w.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
            w.Line("/// <returns>The raw response.</returns>");
            w.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"request\"/> is null.</exception>");
            w.Line("/// <exception cref=\"global::CreateImageSdk.ImageRequestValidationException\">The request breaks the schema's rules; nothing was sent.</exception>");
            w.Open("public global::System.Threading.Tasks.Task<global::CreateImageSdk.RawResponse> " + operation.MethodName + "RawAsync(" + request + " request, global::System.Threading.CancellationToken cancellationToken = default)");
            w.Line("global::CreateImageSdk.Validation.ViolationCollector.ThrowIfInvalid(request, request?.Validate());");
            w.Line("return SendRawAsync(\"" + operation.HttpMethod + "\", " + Identifiers.Literal(operation.Path) + ", request!, " + Body(spec, "request!") + ", cancellationToken);");
            w.Close();
            if (plan.CanStream && plan.StreamFlagProperty is { } flag)
            {
                w.Line();
                Docs.Summary(w, "Validates and sends a request to " + Docs.Code(operation.HttpMethod + " " + operation.Path) + " with " + Docs.Code(operation.StreamFlag + ": true") +
                                ", and yields each server-sent event as it arrives. Each image is decoded once, straight from the event's bytes.");
                w.Line("/// <param name=\"request\">The request; its " + Docs.Code(operation.StreamFlag!) + " value is set to true.</param>");
                w.Line("/// <param name=\"cancellationToken\">Stops the stream at once.</param>");
                w.Line("/// <returns>The events, in the order the server sent them; the last is the completed image.</returns>");
                w.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"request\"/> is null.</exception>");
                w.Line("/// <exception cref=\"global::CreateImageSdk.ImageRequestValidationException\">The request breaks the schema's rules; nothing was sent.</exception>");
                w.Line("/// <exception cref=\"global::CreateImageSdk.ImageApiException\">The server answered with an error, or sent an event that is not the expected JSON.</exception>");
                w.Open("public global::System.Collections.Generic.IAsyncEnumerable<" + TypeNames.Namespace + operation.StreamEvent + "> " + operation.MethodName + "StreamAsync(" + request + " request, global::System.Threading.CancellationToken cancellationToken = default)");
                w.Line("if (request is null) throw new global::System.ArgumentNullException(nameof(request));");
                w.Line("var streaming = request with { " + flag + " = true };");
                w.Line("global::CreateImageSdk.Validation.ViolationCollector.ThrowIfInvalid(streaming, streaming.Validate());");
                w.Line("return StreamAsync(\"" + operation.HttpMethod + "\", " + Identifiers.Literal(operation.Path) + ", streaming, " + Body(spec, "streaming") +
                       ", global::CreateImageSdk.CreateImageSdkJsonContext.Default." + operation.StreamEvent + ", " + FinalCheck(finalEvent) + ", cancellationToken);");
                w.Close();
            }
            w.Close();
            return GeneratedHeader.End(w);
        }

        /// <summary>The lambda that recognises the last streamed event (<c>static e => e.Type.Value == "…"</c>), or <c>null</c>.</summary>
        private static string FinalCheck(Binding.FinalEventCheck? check)
        {
            if (check is null) return "null";
            var access = "e." + check.PropertyName + (check.IsRequired ? "." : "?.");
            var wire = check.Kind switch
            {
                ValueKind.OpenEnum => access + "Value",
                ValueKind.ClosedEnum => access + "ToWireString()",
                _ => "e." + check.PropertyName,
            };
            return "static e => " + wire + " == " + Identifiers.Literal(check.Value);
        }
    }
}
