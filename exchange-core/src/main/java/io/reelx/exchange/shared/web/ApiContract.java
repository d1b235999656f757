package io.reelx.exchange.shared.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API contract, {@code /openapi.yaml}, served as YAML text (a browser shows it, Swagger UI
 * reads it) with {@code info.version} set to the version of the build that serves it.
 */
@RestController
public class ApiContract {

  /** The {@code version:} line of the top-level {@code info:} block. */
  private static final Pattern INFO_VERSION = Pattern.compile("(?m)(^info:\\R(?:[ ]{2}.*\\R)*?[ ]{2}version:)[^\\r\\n]*");

  private final byte[] contract;

  public ApiContract(ObjectProvider<BuildProperties> build) {
    String yaml = read();
    BuildProperties properties = build.getIfAvailable();
    if (properties != null && properties.getVersion() != null) {
      Matcher version = INFO_VERSION.matcher(yaml);
      if (version.find()) {
        yaml = yaml.substring(0, version.start()) + version.group(1) + " " + properties.getVersion()
            + yaml.substring(version.end());
      }
    }
    this.contract = yaml.getBytes(StandardCharsets.UTF_8);
  }

  @GetMapping(path = "/openapi.yaml", produces = {"text/yaml;charset=UTF-8", "application/yaml;charset=UTF-8"})
  public ResponseEntity<byte[]> openapi() {
    return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(contract);
  }

  private static String read() {
    try (InputStream in = new ClassPathResource("static/openapi.yaml").getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("openapi.yaml is missing from the class path", e);
    }
  }
}
