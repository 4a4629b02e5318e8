using Microsoft.CodeAnalysis;

namespace CreateImageSdk.Analyzers
{
    /// <summary>One parameter set in a request expression: an initializer assignment, a <c>With…</c> call or a <c>CreateImage</c> argument.</summary>
    internal sealed class RequestSetting
    {
        public RequestSetting(string parameter, IOperation value, bool setsModel, SyntaxNode? removable)
        {
            Parameter = parameter;
            Value = value;
            SetsModel = setsModel;
            Removable = removable;
        }

        /// <summary>The parameter's wire name.</summary>
        public string Parameter { get; }

        /// <summary>The value as written, with the compiler's implicit conversions still around it.</summary>
        public IOperation Value { get; }

        /// <summary>The setting's declared type is <c>ImageModel</c>: this is the model the rules are read from.</summary>
        public bool SetsModel { get; }

        /// <summary>The syntax a fix removes to unset the parameter; null when it cannot be removed (a required argument).</summary>
        public SyntaxNode? Removable { get; }
    }
}
