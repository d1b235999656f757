package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;

/** The contract is served as YAML text with the build's version, and Swagger UI shows it, nothing generated. */
class ApiContractTest extends IntegrationTest {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @Autowired BuildProperties build;

  @Test
  void openapi_yaml_is_yaml_text_with_the_builds_version() throws Exception {
    HttpResponse<String> spec = get("/openapi.yaml", "text/html,application/xhtml+xml,*/*;q=0.8");
    assertThat(spec.statusCode()).isEqualTo(200);
    assertThat(spec.headers().firstValue("Content-Type")).hasValue("text/yaml;charset=UTF-8");
    assertThat(spec.body()).startsWith("openapi: 3.")
        .contains("info:\n  title: ReelX Exchange API\n  version: " + build.getVersion() + "\n");
    assertThat(build.getVersion()).isNotBlank();

    HttpResponse<String> asked = get("/openapi.yaml", "application/yaml");
    assertThat(asked.headers().firstValue("Content-Type")).hasValue("application/yaml;charset=UTF-8");
  }

  @Test
  void swagger_ui_reads_the_contract_and_no_spec_is_generated() throws Exception {
    HttpResponse<String> page = get("/swagger-ui.html", "text/html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("url: 'openapi.yaml'");
    assertThat(get("/webjars/swagger-ui/swagger-ui-bundle.js", "*/*").statusCode()).isEqualTo(200);
    assertThat(get("/v3/api-docs", "application/json").statusCode()).isEqualTo(404);
  }

  private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
    return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
