using Microsoft.Extensions.Options;

namespace Trajeckt.Configuration;

/// <summary>Validates bound <see cref="TrajecktOptions"/> for the options pipeline.</summary>
internal sealed class TrajecktOptionsValidator : IValidateOptions<TrajecktOptions>
{
    public ValidateOptionsResult Validate(string? name, TrajecktOptions options)
    {
        var errors = TrajecktOptionsValidation.GetErrors(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
