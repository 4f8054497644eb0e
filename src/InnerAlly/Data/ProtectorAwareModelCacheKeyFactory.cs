using Microsoft.EntityFrameworkCore.Infrastructure;

namespace InnerAlly.Data;

/// <summary>
/// The model holds the protected-text converter, which holds a field key ring; two hosts in one
/// process (tests, tools) must not share a model built with the other's keys.
/// </summary>
internal sealed class ProtectorAwareModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is AppDbContext app
            ? (context.GetType(), app.KeyRing, designTime)
            : (context.GetType(), designTime);
}
