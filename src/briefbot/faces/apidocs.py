"""`/docs`: the OpenAPI schema as one plain HTML page, rendered here so it works offline.

FastAPI's Swagger UI loads its script from a CDN; this page has no script at all. The schema
itself is at ``/openapi.json`` for tools that read OpenAPI.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any


def _schema_ref(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return f'<a href="#{escape(name)}">{escape(name)}</a>'
    if "anyOf" in schema:
        return " | ".join(_schema_ref(s) for s in schema["anyOf"])
    if schema.get("type") == "array":
        return f"array of {_schema_ref(schema.get('items', {}))}"
    return escape(str(schema.get("type", "any")))


def _limits(schema: dict[str, Any]) -> str:
    keys = ("minLength", "maxLength", "minimum", "maximum", "default")
    parts = [f"{k} {json.dumps(schema[k])}" for k in keys if k in schema]
    for alt in schema.get("anyOf", []):
        parts += [f"{k} {json.dumps(alt[k])}" for k in keys if k in alt]
    return escape(", ".join(parts))


def render_docs(spec: dict[str, Any]) -> str:
    info = spec.get("info", {})
    out = [
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>briefbot API</title>",
        '<link rel=stylesheet href="/static/style.css"></head><body class=docs>',
        f"<h1>{escape(info.get('title', 'API'))} API {escape(str(info.get('version', '')))}</h1>",
        f"<p>{escape(info.get('summary', ''))}</p>",
        ('<p>Machine-readable schema: <a href="/openapi.json">/openapi.json</a> (OpenAPI '
        f"{escape(spec.get('openapi', ''))}). Every JSON reply is what the matching <code>--json</code> command "
        "prints. <code>POST /ask</code> and <code>POST /brief</code> stream server-sent events "
        "(<code>token</code>, then <code>answer</code> or <code>error</code>) when sent "
        "<code>Accept: text/event-stream</code>. Errors are <code>{\"error\": \"...\"}</code>.</p>"),
    ]
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            out.append(f'<section class=op><h2><code>{escape(method.upper())} {escape(path)}</code></h2>')
            out.append(f"<p>{escape(op.get('summary', ''))}</p>")
            params = op.get("parameters", [])
            if params:
                out.append("<table><tr><th>query parameter</th><th>type</th><th>required</th><th>limits</th><th></th></tr>")
                for p in params:
                    s = p.get("schema", {})
                    out.append(
                        f"<tr><td><code>{escape(p['name'])}</code></td><td>{_schema_ref(s)}</td>"
                        f"<td>{'yes' if p.get('required') else 'no'}</td><td>{_limits(s)}</td>"
                        f"<td>{escape(p.get('description', s.get('description', '')))}</td></tr>"
                    )
                out.append("</table>")
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            if body:
                out.append(f"<p>JSON body: {_schema_ref(body)}</p>")
            out.append("</section>")
    out.append("<h2>Schemas</h2>")
    for name, schema in spec.get("components", {}).get("schemas", {}).items():
        out.append(f'<section class=op id="{escape(name)}"><h3>{escape(name)}</h3>')
        props = schema.get("properties", {})
        if props:
            required = set(schema.get("required", []))
            out.append("<table><tr><th>field</th><th>type</th><th>required</th><th>limits</th><th></th></tr>")
            for field, s in props.items():
                out.append(
                    f"<tr><td><code>{escape(field)}</code></td><td>{_schema_ref(s)}</td>"
                    f"<td>{'yes' if field in required else 'no'}</td><td>{_limits(s)}</td>"
                    f"<td>{escape(s.get('description', ''))}</td></tr>"
                )
            out.append("</table>")
        out.append("</section>")
    out.append("</body></html>")
    return "\n".join(out)
