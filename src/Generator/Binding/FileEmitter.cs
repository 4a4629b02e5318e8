using System;
using CreateImageSdk.Generator.Emitting;

namespace CreateImageSdk.Generator.Binding
{
    /// <summary>Prints one bound file with the emitter for its kind.</summary>
    internal static class FileEmitter
    {
        public static string Emit(GeneratedFile file) => file switch
        {
            EnumFile e when e.Enum.IsOpen => OpenEnumEmitter.Emit(e.Enum, e.Notes, e.SchemaFile, e.IsModel),
            EnumFile e => EnumEmitter.Emit(e.Enum, e.Notes, e.SchemaFile),
            JsonContextFile c => JsonContextEmitter.Emit(c.TypeNames),
            ObjectFile o => ObjectEmitter.Emit(o.Object, o.SchemaFile),
            ValidationFile v => ValidationEmitter.Emit(v.Request, v.AcceptedModels, v.Plan, v.SchemaFile),
            BuilderFile b => BuilderEmitter.Emit(b.Request, b.BuilderName, b.FinalEvent, b.Plan, b.SchemaFile),
            ModelEntryPointsFile m => ModelBuilderEmitter.EmitEntryPoints(m.Request, m.BuilderName, m.Models, m.SchemaFile),
            ModelBuilderFile m => ModelBuilderEmitter.Emit(m, m.SchemaFile),
            ParameterTableFile p => ParameterTableEmitter.Emit(p),
            RequestInterfaceFile i => RequestInterfaceEmitter.Emit(i),
            _ => throw new ArgumentOutOfRangeException(nameof(file), file.GetType().Name, "No emitter for this kind of file."),
        };
    }
}
