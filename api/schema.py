"""Adjustments to the generated OpenAPI schema."""


def allow_empty_query_values(result, generator, request, public):
    """Document that an empty query parameter means "not given".

    A search form sends its blank fields (``status=&subject=``), and the CSV link of a
    search keeps them, so the API reads an empty value as an absent one.
    """
    for path in result["paths"].values():
        for operation in path.values():
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "query":
                    parameter["allowEmptyValue"] = True
    return result
