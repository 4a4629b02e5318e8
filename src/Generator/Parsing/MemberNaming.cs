using System.Collections.Generic;
using System.Text;

namespace CreateImageSdk.Generator.Parsing
{
    /// <summary>
    /// The one naming rule for C# identifiers made from wire values: PascalCase of the alphanumeric parts,
    /// with an underscore only where two digits would otherwise run together, and the type's short name in
    /// front when the result starts with a digit.
    /// </summary>
    /// <example><c>1024x1792</c> → <c>Size1024x1792</c>, <c>b64_json</c> → <c>B64Json</c>, <c>gpt-image-1.5</c> → <c>GptImage1_5</c>.</example>
    internal static class MemberNaming
    {
        public static string ToPascalCase(string wireValue)
        {
            var parts = SplitParts(wireValue);
            var builder = new StringBuilder(wireValue.Length);
            foreach (var part in parts)
            {
                if (builder.Length > 0 && char.IsDigit(builder[builder.Length - 1]) && char.IsDigit(part[0]))
                {
                    // "1.5" and "15" must not collide, and "gpt-image-2-2026-04-21" stays readable.
                    builder.Append('_');
                }

                builder.Append(char.ToUpperInvariant(part[0]));
                builder.Append(part, 1, part.Length - 1);
            }

            return builder.ToString();
        }

        public static string ToMemberName(string wireValue, string typeShortName)
        {
            var name = ToPascalCase(wireValue);
            if (name.Length == 0) return typeShortName + "Empty";
            return char.IsDigit(name[0]) ? typeShortName + name : name;
        }

        /// <summary>The last PascalCase word of a type name: <c>ImageSize</c> → <c>Size</c>.</summary>
        public static string ShortName(string typeName)
        {
            for (var i = typeName.Length - 1; i > 0; i--)
            {
                if (char.IsUpper(typeName[i])) return typeName.Substring(i);
            }

            return typeName;
        }

        private static List<string> SplitParts(string value)
        {
            var parts = new List<string>();
            var current = new StringBuilder();
            foreach (var c in value)
            {
                if (char.IsLetterOrDigit(c) && c < 128)
                {
                    current.Append(c);
                }
                else if (current.Length > 0)
                {
                    parts.Add(current.ToString());
                    current.Clear();
                }
            }

            if (current.Length > 0) parts.Add(current.ToString());
            return parts;
        }
    }
}
