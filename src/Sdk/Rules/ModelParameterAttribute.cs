using System;

namespace CreateImageSdk.Rules
{
    /// <summary>On a generated request: the parameter whose value selects the per-model rules (<c>x-model-property</c>); read by the analyzer.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    internal sealed class ModelParameterAttribute : Attribute
    {
        public ModelParameterAttribute(string parameter) => Parameter = parameter;

        public string Parameter { get; }
    }
}
