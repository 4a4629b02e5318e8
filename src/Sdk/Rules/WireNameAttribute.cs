using System;

namespace CreateImageSdk.Rules
{
    /// <summary>The JSON name of the request parameter a property, builder method or method parameter sets; read by the analyzer.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Method | AttributeTargets.Parameter, AllowMultiple = false)]
    internal sealed class WireNameAttribute : Attribute
    {
        public WireNameAttribute(string name) => Name = name;

        public string Name { get; }
    }
}
