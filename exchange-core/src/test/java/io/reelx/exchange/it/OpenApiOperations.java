package io.reelx.exchange.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The operations of the published {@code openapi.yaml} (api-spec), read at test time. */
final class OpenApiOperations {

  static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

  record Param(String name, String in, boolean required, Map<String, Object> schema) {
  }

  record Operation(String id, String method, String path, List<Param> params, String bodyType,
      Map<String, Object> bodySchema, boolean bodyRequired, String answerType) {
    Param param(String in, String name) {
      return params.stream().filter(p -> p.in().equals(in) && p.name().equals(name)).findFirst().orElse(null);
    }
  }

  private final Map<String, Object> root;

  private OpenApiOperations(Map<String, Object> root) {
    this.root = root;
  }

  static OpenApiOperations load() {
    try (InputStream in = OpenApiOperations.class.getResourceAsStream("/static/openapi.yaml")) {
      if (in == null) {
        throw new IllegalStateException("openapi.yaml is not on the test classpath");
      }
      LoaderOptions options = new LoaderOptions();
      options.setCodePointLimit(10_000_000);
      return new OpenApiOperations(new Yaml(options).load(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    map(root.get("paths")).forEach((path, item) -> {
      Map<String, Object> pathItem = map(item);
      List<Param> shared = params(pathItem.get("parameters"));
      for (String method : METHODS) {
        if (!pathItem.containsKey(method)) {
          continue;
        }
        Map<String, Object> op = map(pathItem.get(method));
        List<Param> params = new ArrayList<>(shared);
        params.addAll(params(op.get("parameters")));
        String bodyType = null;
        Map<String, Object> bodySchema = null;
        boolean bodyRequired = false;
        if (op.containsKey("requestBody")) {
          Map<String, Object> requestBody = deref(map(op.get("requestBody")));
          bodyRequired = Boolean.TRUE.equals(requestBody.get("required"));
          Map<String, Object> content = map(requestBody.get("content"));
          bodyType = content.keySet().iterator().next();
          bodySchema = deref(map(map(content.get(bodyType)).get("schema")));
        }
        operations.add(new Operation((String) op.get("operationId"), method.toUpperCase(), path, params, bodyType,
            bodySchema, bodyRequired, answerType(op)));
      }
    });
    return operations;
  }

  private String answerType(Map<String, Object> op) {
    for (Object response : map(op.get("responses")).values()) {
      Object content = deref(map(response)).get("content");
      if (content != null) {
        return map(content).keySet().iterator().next();
      }
    }
    return null;
  }

  private List<Param> params(Object list) {
    List<Param> params = new ArrayList<>();
    if (list != null) {
      for (Object p : (List<?>) list) {
        Map<String, Object> param = deref(map(p));
        params.add(new Param((String) param.get("name"), (String) param.get("in"),
            Boolean.TRUE.equals(param.get("required")), deref(map(param.get("schema")))));
      }
    }
    return params;
  }

  /** The schema or object a {@code $ref} points to (followed until it is not a reference). */
  @SuppressWarnings("unchecked")
  Map<String, Object> deref(Map<String, Object> node) {
    Map<String, Object> current = node;
    while (current != null && current.containsKey("$ref")) {
      Object target = root;
      for (String part : ((String) current.get("$ref")).substring(2).split("/")) {
        target = ((Map<String, Object>) target).get(part);
      }
      current = (Map<String, Object>) target;
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }
}
