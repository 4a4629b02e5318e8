using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using CreateImageSdk.Generator.Diagnostics;
using CreateImageSdk.Generator.Model;
using Microsoft.CodeAnalysis.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace CreateImageSdk.Generator.Parsing
{
    /// <summary>
    /// Schema text → <see cref="SchemaSpec"/>. NJsonSchema reads and resolves the schema; Json.NET's token tree
    /// supplies property order, extension keywords and the line numbers diagnostics point at. Nothing from
    /// either library leaves this class.
    /// </summary>
    internal sealed class SchemaParser
    {
        private readonly SchemaLocator _locator;
        private readonly List<DiagnosticInfo> _diagnostics = new List<DiagnosticInfo>();
        private readonly List<ObjectSpec> _objects = new List<ObjectSpec>();
        private readonly Dictionary<string, EnumSpec> _enums = new Dictionary<string, EnumSpec>(StringComparer.Ordinal);
        private readonly Queue<(JsonSchema Schema, JObject Json, string Name)> _pendingObjects = new Queue<(JsonSchema, JObject, string)>();
        private readonly HashSet<string> _queuedObjects = new HashSet<string>(StringComparer.Ordinal);
        private readonly JObject _root;

        private SchemaParser(SchemaLocator locator, JObject root)
        {
            _locator = locator;
            _root = root;
        }

        public static ParseResult Parse(string path, SourceText text, CancellationToken cancellationToken) =>
            Parse(path, text, EquatableArray<SharedDefinitions>.Empty, cancellationToken);

        /// <param name="path">The schema file's path.</param>
        /// <param name="text">Its text.</param>
        /// <param name="shared">The definitions of every schema file, for relative references.</param>
        /// <param name="cancellationToken">Cancels the parse.</param>
        public static ParseResult Parse(string path, SourceText text, EquatableArray<SharedDefinitions> shared, CancellationToken cancellationToken)
        {
            var fileName = Path.GetFileName(path);
            var locator = new SchemaLocator(path, text);
            var json = text.ToString();

            JObject root;
            try
            {
                using (var reader = new JsonTextReader(new StringReader(json)))
                {
                    var token = JToken.ReadFrom(reader, new JsonLoadSettings
                    {
                        LineInfoHandling = LineInfoHandling.Load,
                        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
                    });
                    if (reader.Read())
                    {
                        return Fail(locator.AtLine(DiagnosticDescriptors.InvalidJson, reader.LineNumber, reader.LinePosition, fileName, "unexpected content after the schema"));
                    }

                    if (!(token is JObject obj))
                    {
                        return Fail(locator.At(DiagnosticDescriptors.InvalidJson, token, fileName, "the schema must be a JSON object"));
                    }

                    root = obj;
                }
            }
            catch (JsonReaderException ex)
            {
                return Fail(locator.AtLine(DiagnosticDescriptors.InvalidJson, ex.LineNumber, ex.LinePosition, fileName, ex.Message));
            }

            cancellationToken.ThrowIfCancellationRequested();
            // NJsonSchema would resolve a non-local reference over the file system or the network, inside the
            // compiler: other schema files' definitions are copied in instead, and anything else is refused.
            if (ReferenceInliner.Inline(root, fileName, shared, locator) is { } unresolved) return Fail(unresolved);
            if (root["properties"] is null && (root["definitions"] ?? root["$defs"]) is JObject)
            {
                // A file of shared definitions only: its types are generated where they are used.
                return new ParseResult(new SchemaSpec(fileName, EquatableArray<ObjectSpec>.Empty, EquatableArray<EnumSpec>.Empty, path), EquatableArray<DiagnosticInfo>.Empty);
            }

            json = root.ToString(Formatting.None);

            JsonSchema schema;
            try
            {
                schema = JsonSchema.FromJsonAsync(json, cancellationToken).GetAwaiter().GetResult();
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                return Fail(locator.At(DiagnosticDescriptors.UnreadableSchema, root, fileName, ex.Message));
            }

            try
            {
                var parser = new SchemaParser(locator, root);
                return parser.Run(fileName, schema, cancellationToken);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                // A schema shape nobody foresaw must still end as a diagnostic, never as CS8785.
                return Fail(locator.At(DiagnosticDescriptors.InternalError, root, fileName, ex.GetType().Name + ": " + ex.Message));
            }
        }

        private static ParseResult Fail(DiagnosticInfo diagnostic) =>
            new ParseResult(null, new EquatableArray<DiagnosticInfo>(new[] { diagnostic }));

        private ParseResult Run(string fileName, JsonSchema schema, CancellationToken cancellationToken)
        {
            var title = schema.Title;
            if (string.IsNullOrWhiteSpace(title))
            {
                _diagnostics.Add(_locator.At(DiagnosticDescriptors.MissingTitle, _root, fileName));
                return new ParseResult(null, _diagnostics.ToEquatableArray());
            }

            var rootName = MemberNaming.ToPascalCase(title!);
            if (NameProblem(rootName) is { } rootProblem)
            {
                _diagnostics.Add(_locator.At(DiagnosticDescriptors.InvalidName, _root["title"], title!, rootName, rootProblem));
                return new ParseResult(null, _diagnostics.ToEquatableArray());
            }

            var properties = ParseProperties(schema, _root, rootName);
            if (properties is null) return new ParseResult(null, _diagnostics.ToEquatableArray());

            var rules = RuleParser.Parse(_root, properties.Select(p => p.WireName).ToList(), _locator, _diagnostics);
            var support = new RuleSupport(properties, _enums, rules, ReadModelProperty(properties));
            properties = properties.Select(support.Annotate).ToList();
            _objects.Add(new ObjectSpec(rootName, schema.Description, properties.ToEquatableArray(), rules.ToEquatableArray(), ReadOperation(_root), support.DiscriminatorProperty)
            {
                Models = support.Models(_enums, properties),
                ValueSupport = support.ValueSupport(_enums),
            });

            while (_pendingObjects.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (nested, json, name) = _pendingObjects.Dequeue();
                var nestedProperties = ParseProperties(nested, json, name);
                if (nestedProperties != null)
                {
                    _objects.Add(new ObjectSpec(name, nested.Description, nestedProperties.ToEquatableArray(), EquatableArray<RuleSpec>.Empty, null));
                }
            }

            var spec = _diagnostics.Count == 0
                ? new SchemaSpec(fileName, _objects.ToEquatableArray(), _enums.Values.OrderBy(e => e.Name, StringComparer.Ordinal).ToEquatableArray(), _locator.Path)
                : null;
            return new ParseResult(spec, _diagnostics.ToEquatableArray());
        }

        private List<PropertySpec>? ParseProperties(JsonSchema schema, JObject json, string ownerName)
        {
            var propertiesJson = json["properties"] as JObject;
            if (propertiesJson is null || !propertiesJson.Properties().Any())
            {
                _diagnostics.Add(_locator.At(DiagnosticDescriptors.NoProperties, (JToken?)json.Property("properties") ?? json, ownerName));
                return null;
            }

            var result = new List<PropertySpec>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var propertyJson in propertiesJson.Properties())
            {
                var wireName = propertyJson.Name;
                var property = schema.ActualProperties[wireName];
                var body = propertyJson.Value as JObject ?? new JObject();
                var type = ResolveType(property, body, propertyJson, wireName);
                if (type is null) continue;

                var actual = property.ActualSchema;
                var name = Text(body["x-csharp-name"]) ?? MemberNaming.ToPascalCase(wireName);
                var problem = NameProblem(name) ?? (name == ownerName ? "equals the name of its type" : null) ?? (names.Add(name) ? null : "another property of " + ownerName + " already has");
                if (problem != null)
                {
                    _diagnostics.Add(_locator.At(DiagnosticDescriptors.InvalidName, propertyJson, wireName, name, problem));
                    continue;
                }

                result.Add(new PropertySpec(
                    wireName,
                    name,
                    property.Description ?? actual.Description,
                    type,
                    schema.RequiredProperties.Contains(wireName),
                    FormatLiteral(body["default"]),
                    body["examples"] is JArray examples && examples.Count > 0 ? FormatLiteral(examples[0]) : FormatLiteral(body["example"]),
                    ToLong(actual.Minimum),
                    ToLong(actual.Maximum),
                    actual.MinLength,
                    actual.MaxLength,
                    ReadPattern(body, wireName),
                    EquatableArray<string>.Empty)
                {
                    MinItems = body["minItems"]?.Type == JTokenType.Integer ? (int?)(int)body["minItems"]! : null,
                    MaxItems = body["maxItems"]?.Type == JTokenType.Integer ? (int?)(int)body["maxItems"]! : null,
                    Input = ImageInputParser.Read(body[ImageInputParser.Keyword] as JObject ?? (body["items"] as JObject)?[ImageInputParser.Keyword] as JObject),
                });
            }

            return result;
        }

        private TypeRef? ResolveType(JsonSchema property, JObject body, JToken location, string wireName)
        {
            var actual = property.ActualSchema;
            if (Text(body["$ref"]) != null && ResolveJson(body) is { } target && (target["anyOf"] != null || target["enum"] != null))
            {
                // A value set defined once and used by reference (by several operations): named after its definition,
                // described by it, and the same type wherever it is used. The property keeps its own description and default.
                var definition = (JObject)target.DeepClone();
                if (definition["x-csharp-type-name"] is null) definition["x-csharp-type-name"] = RefName(body);
                body = definition;
            }

            if (body["enum"] is JArray declared && declared.All(v => v.Type == JTokenType.Null))
            {
                _diagnostics.Add(_locator.At(DiagnosticDescriptors.EmptyEnum, location, wireName));
                return null;
            }

            var anyOf = actual.AnyOf.Select(s => s.ActualSchema).ToList();
            if (anyOf.Count > 0)
            {
                var nonNull = anyOf.Where(s => s.Type != JsonObjectType.Null).ToList();
                var enumSchema = nonNull.FirstOrDefault(s => s.Enumeration.Any(v => v != null));
                var freeString = nonNull.Any(s => s.Type.HasFlag(JsonObjectType.String) && !s.Enumeration.Any(v => v != null));
                if (enumSchema != null && freeString && nonNull.Count == 2)
                {
                    var branches = (body["anyOf"] as JArray)?.OfType<JObject>().ToList() ?? new List<JObject>();
                    var enumJson = branches.FirstOrDefault(o => o["enum"] != null) ?? body;
                    var freeJson = branches.FirstOrDefault(o => o["enum"] is null && Text(o["type"]) == "string");
                    var dimensions = DimensionsParser.Read(freeJson, out var present);
                    if (present && dimensions is null)
                    {
                        return Unsupported(location, wireName, DimensionsParser.Keyword + " needs positive integers multipleOf, maxLongEdge, maxAspectRatio, minPixels and maxPixels");
                    }

                    return DefineEnum(body, enumJson, enumSchema, location, wireName, isOpen: true, dimensions);
                }

                if (nonNull.Count == 1)
                {
                    var inner = (body["anyOf"] as JArray)?.OfType<JObject>().FirstOrDefault(o => Text(o["type"]) != "null") ?? new JObject();
                    return ResolveType(nonNull[0], inner, location, wireName);
                }

                return Unsupported(location, wireName, "anyOf is supported only as (string, enum) or (type, null)");
            }

            if (actual.Enumeration.Any(v => v != null))
            {
                return DefineEnum(body, body, actual, location, wireName, isOpen: false);
            }

            var type = actual.Type & ~JsonObjectType.Null;
            var format = actual.Format;
            switch (type)
            {
                case JsonObjectType.String when format == "binary":
                    return new TypeRef(ValueKind.Binary);
                case JsonObjectType.String when format == "uri":
                    return new TypeRef(ValueKind.Uri);
                case JsonObjectType.String when Text(body["contentEncoding"]) == "base64":
                    return new TypeRef(ValueKind.Base64Bytes);
                case JsonObjectType.String when format is null:
                    return new TypeRef(ValueKind.String);
                case JsonObjectType.Integer when format == "unix-time":
                    return new TypeRef(ValueKind.UnixTime);
                case JsonObjectType.Integer when format is null || format == "int32" || format == "int64":
                    return new TypeRef(ValueKind.Integer);
                case JsonObjectType.Number:
                    return new TypeRef(ValueKind.Number);
                case JsonObjectType.Boolean:
                    return new TypeRef(ValueKind.Boolean);
                case JsonObjectType.Array when actual.Item != null:
                    var itemJson = ResolveJson(body["items"] as JObject);
                    var item = ResolveType(actual.Item, itemJson ?? new JObject(), location, wireName);
                    if (item?.Kind == ValueKind.Array) return Unsupported(location, wireName, "arrays of arrays");
                    return item is null ? null : new TypeRef(ValueKind.Array, null, item);
                case JsonObjectType.Object:
                    var objectJson = ResolveJson(body);
                    var name = actual.Title ?? RefName(body);
                    if (objectJson is null || name is null)
                    {
                        return Unsupported(location, wireName, "an object property needs a $ref to a definition or a title");
                    }

                    name = MemberNaming.ToPascalCase(name);
                    if (NameProblem(name) is { } objectProblem)
                    {
                        _diagnostics.Add(_locator.At(DiagnosticDescriptors.InvalidName, location, wireName, name, objectProblem));
                        return null;
                    }

                    if (_queuedObjects.Add(name)) _pendingObjects.Enqueue((actual, objectJson, name));
                    return new TypeRef(ValueKind.Object, name);
                default:
                    return Unsupported(location, wireName, "type '" + (type == JsonObjectType.None ? "(none)" : type.ToString().ToLowerInvariant()) + (format is null ? "'" : "' with format '" + format + "'"));
            }
        }

        private TypeRef? Unsupported(JToken location, string wireName, string reason)
        {
            _diagnostics.Add(_locator.At(DiagnosticDescriptors.UnsupportedType, location, wireName, reason));
            return null;
        }

        private TypeRef? DefineEnum(JObject propertyJson, JObject enumJson, JsonSchema enumSchema, JToken location, string wireName, bool isOpen, DimensionsSpec? dimensions = null)
        {
            var values = enumSchema.Enumeration.Where(v => v != null).ToList();
            if (values.Any(v => !(v is string)))
            {
                return Unsupported(location, wireName, "enum values must be strings");
            }

            var typeName = Text(propertyJson["x-csharp-type-name"]) ?? MemberNaming.ToPascalCase(wireName);
            if (NameProblem(typeName) is { } typeProblem)
            {
                _diagnostics.Add(_locator.At(DiagnosticDescriptors.InvalidName, location, wireName, typeName, typeProblem));
                return null;
            }

            var shortName = MemberNaming.ShortName(typeName);
            var descriptions = enumJson["x-enum-descriptions"] as JArray;
            if (descriptions != null && descriptions.Count != values.Count)
            {
                // Descriptions pair with values by position: a missing or extra one would describe the wrong value.
                _diagnostics.Add(_locator.At(DiagnosticDescriptors.EnumDescriptionCount, enumJson["x-enum-descriptions"]!, wireName, descriptions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), values.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                descriptions = null;
            }

            var members = new List<EnumMemberSpec>();
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < values.Count; i++)
            {
                var wire = (string)values[i]!;
                var name = MemberNaming.ToMemberName(wire, shortName);
                if (isOpen && OpenEnumMembers.Contains(name))
                {
                    _diagnostics.Add(_locator.At(DiagnosticDescriptors.InvalidName, location, wire, name, "is a member every open value type already has"));
                    return null;
                }

                if (seen.TryGetValue(name, out var other))
                {
                    _diagnostics.Add(_locator.At(DiagnosticDescriptors.MemberNameClash, location, other, wire, typeName, name));
                    return null;
                }

                seen.Add(name, wire);
                var description = descriptions != null && i < descriptions.Count ? Text(descriptions[i]) : null;
                members.Add(new EnumMemberSpec(wire, name, description));
            }

            var spec = new EnumSpec(typeName, shortName, Text(propertyJson["description"]), isOpen, Text(propertyJson["default"]), members.ToEquatableArray(), dimensions);
            _enums[typeName] = spec;
            return new TypeRef(isOpen ? ValueKind.OpenEnum : ValueKind.ClosedEnum, typeName);
        }

        /// <summary>Follows a local <c>$ref</c> ("#/definitions/X" or "#/$defs/X") to its JSON object.</summary>
        private JObject? ResolveJson(JObject? body)
        {
            var reference = Text(body?["$ref"]);
            if (reference is null) return body;
            if (!reference.StartsWith("#/", StringComparison.Ordinal)) return null;
            JToken? current = _root;
            foreach (var segment in reference.Substring(2).Split('/'))
            {
                current = current?[segment.Replace("~1", "/").Replace("~0", "~")];
            }

            return current as JObject;
        }

        private static string? RefName(JObject body)
        {
            var reference = Text(body["$ref"]);
            return reference?.Substring(reference.LastIndexOf('/') + 1);
        }

        private static OperationSpec? ReadOperation(JObject root)
        {
            if (!(root["x-operation"] is JObject operation)) return null;
            var name = Text(operation["name"]);
            var path = Text(operation["path"]);
            var response = Text(operation["response"]);
            if (name is null || path is null || response is null) return null;
            var stream = operation["stream"] as JObject;
            var final = stream?["final"] as JObject;
            return new OperationSpec(name, Text(operation["method"]) ?? "POST", path, response, Text(operation["summary"]),
                Text(stream?["flag"]), Text(stream?["event"]), Text(final?["property"]), Text(final?["value"]))
            {
                ContentType = Text(operation["contentType"]) ?? OperationSpec.JsonContentType,
                Variant = Text(operation["variant"]) ?? string.Empty,
            };
        }

        private static string? FormatLiteral(JToken? token)
        {
            if (token is null) return null;
            switch (token.Type)
            {
                case JTokenType.String: return (string?)token;
                case JTokenType.Integer: return ((long)token).ToString(CultureInfo.InvariantCulture);
                case JTokenType.Boolean: return (bool)token ? "true" : "false";
                case JTokenType.Null: return "null";
                default: return token.ToString(Formatting.None);
            }
        }

        /// <summary>Members every generated open value type declares, which a known value must not be named.</summary>
        private static readonly HashSet<string> OpenEnumMembers = new HashSet<string>(StringComparer.Ordinal)
        {
            "Value", "Custom", "KnownValues", "IsKnown", "FromWire", "Equals", "GetHashCode", "ToString", "GetType",
        };

        private static string? NameProblem(string name) =>
            name.Length == 0 ? "is empty" : !Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(name) ? "is not a valid C# identifier" : null;

        /// <summary>A string-valued keyword, or null when absent or of another JSON type (never an exception).</summary>
        /// <summary>
        /// <c>x-model-property</c>: the property whose value selects the per-model rules (for model-specific builders,
        /// "supported only by" docs and the analyzer's rules); it must be an enum property (CIS017 otherwise).
        /// </summary>
        private string? ReadModelProperty(IReadOnlyList<PropertySpec> properties)
        {
            var token = _root["x-model-property"];
            if (token is null) return null;
            var name = Text(token);
            var property = properties.FirstOrDefault(p => p.WireName == name);
            if (name != null && property?.Type.TypeName != null && _enums.ContainsKey(property.Type.TypeName)) return name;
            _diagnostics.Add(_locator.At(DiagnosticDescriptors.InvalidModelProperty, token, name ?? token.ToString()));
            return null;
        }

        /// <summary><c>pattern</c> and <c>x-pattern-description</c>; an expression .NET cannot compile is CIS015.</summary>
        private PatternSpec? ReadPattern(JObject body, string wireName)
        {
            var pattern = Text(body["pattern"]);
            if (pattern is null) return null;
            try
            {
                _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant);
            }
            catch (ArgumentException ex)
            {
                _diagnostics.Add(_locator.At(DiagnosticDescriptors.InvalidPattern, body["pattern"]!, wireName, ex.Message));
                return null;
            }

            return new PatternSpec(pattern, Text(body["x-pattern-description"]));
        }

        private static string? Text(JToken? token) => token?.Type == JTokenType.String ? (string?)token : null;

        private static long? ToLong(decimal? value) => value.HasValue ? (long?)decimal.ToInt64(value.Value) : null;
    }
}
