using System;
using System.Collections.Generic;
using System.Linq;

namespace CreateImageSdk
{
    /// <summary>
    /// The request breaks one or more of the schema's rules, so it was not sent. <see cref="Violations"/> lists
    /// every one, each naming the parameter, the value given and the values allowed.
    /// </summary>
    public sealed class ImageRequestValidationException : ArgumentException
    {
        /// <summary>Creates the exception for a non-empty list of violations.</summary>
        /// <param name="violations">What is wrong; at least one.</param>
        public ImageRequestValidationException(IReadOnlyList<ImageRequestViolation> violations)
            : base(BuildMessage(violations), violations.Count > 0 ? violations[0].Parameter : null)
        {
            Violations = violations;
            Message = BuildMessage(violations);
        }

        /// <summary>
        /// The violations as sentences, without the <c>(Parameter '…')</c> tail <see cref="ArgumentException"/> adds:
        /// each violation already names its parameter, and <see cref="ArgumentException.ParamName"/> holds the first.
        /// </summary>
        public override string Message { get; }

        /// <summary>Every rule the request breaks, in the order they were checked.</summary>
        public IReadOnlyList<ImageRequestViolation> Violations { get; }

        private static string BuildMessage(IReadOnlyList<ImageRequestViolation> violations)
        {
            if (violations is null || violations.Count == 0) throw new ArgumentException("At least one violation is needed.", nameof(violations));
            var header = violations.Count == 1
                ? "The image request is invalid and was not sent: "
                : "The image request has " + violations.Count + " problems and was not sent:" + Environment.NewLine + "- ";
            return header + string.Join(Environment.NewLine + "- ", violations.Select(v => v.Message));
        }
    }
}
