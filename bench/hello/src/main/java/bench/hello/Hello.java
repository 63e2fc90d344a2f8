package bench.hello;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The one endpoint of the baseline: its first answer marks the end of a plain Quarkus start. */
@Path("/hello")
public class Hello {

    @GET
    public String hello() {
        return "hello";
    }
}
