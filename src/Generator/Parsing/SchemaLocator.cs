using CreateImageSdk.Generator.Diagnostics;
using CreateImageSdk.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CreateImageSdk.Generator.Parsing
{
    /// <summary>Turns positions in the schema text into diagnostics a user can click.</summary>
    internal sealed class SchemaLocator
    {
        private readonly string _path;
        private readonly SourceText _text;

        public SchemaLocator(string path, SourceText text)
        {
            _path = path;
            _text = text;
        }

        /// <summary>The schema file's path.</summary>
        public string Path => _path;

        public DiagnosticInfo At(DiagnosticDescriptor descriptor, JToken? token, params string[] args)
        {
            var lineInfo = (IJsonLineInfo?)token;
            return lineInfo is { } info && info.HasLineInfo()
                ? AtLine(descriptor, info.LineNumber, info.LinePosition, args)
                : AtLine(descriptor, 1, 1, args);
        }

        /// <summary>A diagnostic at a 1-based line and position, as Json.NET reports them.</summary>
        public DiagnosticInfo AtLine(DiagnosticDescriptor descriptor, int line, int position, params string[] args)
        {
            var lineIndex = System.Math.Min(System.Math.Max(line - 1, 0), System.Math.Max(_text.Lines.Count - 1, 0));
            var textLine = _text.Lines.Count > 0 ? _text.Lines[lineIndex] : default;
            var column = System.Math.Min(System.Math.Max(position - 1, 0), textLine.End - textLine.Start);
            var start = textLine.Start + column;
            var span = new TextSpan(start, 0);
            var lineSpan = new LinePositionSpan(new LinePosition(lineIndex, column), new LinePosition(lineIndex, column));
            return new DiagnosticInfo(descriptor.Id, _path, span, lineSpan, new EquatableArray<string>(args));
        }
    }
}
