using System;
using System.Text;

namespace CreateImageSdk.Generator.Emitting
{
    /// <summary>An indented text writer for generated C#; braces open and close indentation.</summary>
    internal sealed class SourceWriter
    {
        private readonly StringBuilder _builder = new StringBuilder();
        private int _indent;

        public SourceWriter Line(string text = "")
        {
            if (text.Length > 0) _builder.Append(' ', _indent * 4).Append(text);
            _builder.Append('\n');
            return this;
        }

        public SourceWriter Open(string header)
        {
            Line(header);
            Line("{");
            _indent++;
            return this;
        }

        public SourceWriter Close(string suffix = "")
        {
            _indent--;
            return Line("}" + suffix);
        }

        public SourceWriter Lines(string block)
        {
            foreach (var line in block.Split(new[] { '\n' }, StringSplitOptions.None)) Line(line.TrimEnd('\r'));
            return this;
        }

        public override string ToString() => _builder.ToString();
    }
}
