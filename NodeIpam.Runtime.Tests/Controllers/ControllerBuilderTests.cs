using k8s.Models;
using NodeIpam.Runtime.Controllers;

namespace NodeIpam.Runtime.Tests.Controllers;

public sealed class ControllerBuilderTests
{
    [Test]
    public void The_default_name_is_the_lower_cased_kind()
    {
        new ControllerBuilder<V1Service>().Name.Should().Be("service");
        new ControllerBuilder<V1EndpointSlice>().Name.Should().Be("endpointslice");
    }

    [Test]
    public void Named_replaces_the_name_and_refuses_blank_ones()
    {
        var builder = new ControllerBuilder<V1Service>().Named("lb");

        builder.Name.Should().Be("lb");
        FluentActions.Invoking(() => builder.Named(" ")).Should().Throw<ArgumentException>();
    }

    [Test]
    public void The_definition_keeps_the_filter_and_every_secondary_watch_in_order()
    {
        Func<ObjectChange<V1Service>, bool> filter = _ => true;
        var definition = new ControllerBuilder<V1Service>()
            .WithEventFilter(filter)
            .Watches<V1Node>(_ => [])
            .Watches<V1EndpointSlice>((_, _) => [])
            .Build();

        definition.Filter.Should().BeSameAs(filter);
        definition.Watches.Select(w => w.EntityType).Should().Equal(typeof(V1Node), typeof(V1EndpointSlice));
    }
}
