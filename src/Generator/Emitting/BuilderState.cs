using System.Collections.Generic;
using System.Linq;
using CreateImageSdk.Generator.Model;

namespace CreateImageSdk.Generator.Emitting
{
    /// <summary>
    /// What every builder (general or model-specific) holds: the client and one field per request property. A
    /// builder is a struct, so a <c>With…</c> step copies a few fields instead of allocating a builder and a request
    /// record; the request is made once, when it is read or sent. Copies are values, so a configured builder can
    /// still be kept, reused and branched.
    /// </summary>
    internal static class BuilderState
    {
        public static string Field(PropertySpec property) => "_" + Identifiers.Camel(property.Name);

        /// <summary>Fields, the constructor from the client and the required values, the client guard and <c>Request</c>.</summary>
        /// <param name="fixedValue">A property the builder always sends, and its value (a model-specific builder's model).</param>
        /// <param name="held">The properties the builder holds a field for: those it can set, and the required ones.</param>
        public static void EmitMembers(SourceWriter w, string builder, ObjectSpec request, IReadOnlyList<PropertySpec> held, (PropertySpec Property, string Value)? fixedValue = null)
        {
            var requestType = TypeNames.Namespace + request.Name;
            var required = request.Properties.Where(p => p.IsRequired).ToList();
            w.Line("private global::CreateImageSdk.ImageClient? _client;");
            w.Line("private global::System.Collections.Generic.KeyValuePair<string, global::System.Text.Json.JsonElement>[]? _additionalProperties;");
            foreach (var property in held)
            {
                w.Line("private " + TypeNames.OfProperty(property) + " " + Field(property) + ";");
            }

            w.Line();
            w.Open("internal " + builder + "(global::CreateImageSdk.ImageClient client" + string.Concat(required.Select(p => ", " + TypeNames.Of(p.Type) + " " + Identifiers.Parameter(p.Name))) + ")");
            w.Line("this = default;");
            w.Line("_client = client;");
            foreach (var property in required) w.Line(Field(property) + " = " + Identifiers.Parameter(property.Name) + ";");
            if (fixedValue is { } value) w.Line(Field(value.Property) + " = " + value.Value + ";");
            w.Close();
            w.Line();
            Docs.Summary(w, "The request as configured so far (a new <see cref=\"" + request.Name + "\"/> each time it is read).");
            w.Line("/// <exception cref=\"global::System.InvalidOperationException\">The builder is <c>default</c>, not one the client started.</exception>");
            w.Open("public " + requestType + " Request");
            w.Open("get");
            w.Line("_ = Client;");
            w.Line("return new " + requestType + " { " + string.Join(", ", held.Select(p => p.Name + " = " + Field(p)).Concat(new[] { "AdditionalProperties = global::CreateImageSdk.Json.AdditionalJson.ToDictionary(_additionalProperties)" })) + " };");
            w.Close();
            w.Close();
            w.Line();
            w.Line("private global::CreateImageSdk.ImageClient Client =>");
            w.Line("    _client ?? throw new global::System.InvalidOperationException(" + Identifiers.Literal("This " + builder + " is default; start one with the ImageClient method that creates it.") + ");");
        }

        /// <summary>
        /// <c>WithAdditionalProperty</c> for a JSON value and the common primitives: members a compatible server takes
        /// beyond the schema's, written after the known ones.
        /// </summary>
        public static void EmitAdditionalProperty(SourceWriter w, string builder, ObjectSpec request)
        {
            var names = TypeNames.Namespace + request.Name + ".WireNames";
            foreach (var (type, doc) in new[]
            {
                ("global::System.Text.Json.JsonElement", "any JSON value"),
                ("global::System.Text.Json.Nodes.JsonNode?", "a JSON node (null writes JSON null)"),
                ("string?", "a string (null writes JSON null)"),
                ("long", "an integer"),
                ("double", "a number"),
                ("bool", "true or false"),
            })
            {
                w.Line();
                Docs.Summary(w, "Adds a member beyond the schema's, for servers that take more (<c>seed</c>, <c>negative_prompt</c>, <c>steps</c>): " + doc + ", written after the known members. Setting a name again replaces it.");
                w.Line("/// <param name=\"name\">The JSON name; not one of this request's parameters.</param>");
                w.Line("/// <param name=\"value\">The value to send.</param>");
                w.Line("/// <returns>A new builder; this one is unchanged.</returns>");
                w.Line("/// <exception cref=\"global::System.ArgumentException\"><paramref name=\"name\"/> is empty or names one of this request's parameters.</exception>");
                w.Open("public " + builder + " WithAdditionalProperty(string name, " + type + " value)");
                w.Line("var next = this;");
                var element = type.StartsWith("global::System.Text.Json.JsonElement", System.StringComparison.Ordinal) ? "value" : "global::CreateImageSdk.Json.AdditionalJson.Element(value)";
                w.Line("next._additionalProperties = global::CreateImageSdk.Json.AdditionalJson.With(_additionalProperties, name, " + element + ", " + names + ");");
                w.Line("return next;");
                w.Close();
            }
        }

        /// <summary>The body of a <c>With…</c> step: a copy with one field set.</summary>
        public static void EmitWith(SourceWriter w, string builder, PropertySpec property, string parameterType, string parameter, string value)
        {
            w.Open("public " + builder + " With" + property.Name + "(" + parameterType + " " + parameter + ")");
            w.Line("var next = this;");
            w.Line("next." + Field(property) + " = " + value + ";");
            w.Line("return next;");
            w.Close();
        }
    }
}
