"""A tiny client of the services' APIs with demo users' tokens (Keycloak password grant, local realm only)."""
import json
import os
import urllib.error
import urllib.parse
import urllib.request

KEYCLOAK = os.environ.get("PULSE_KEYCLOAK_URL", "http://127.0.0.1:8180")
REALM = "partnership-pulse"
SERVICES = {"partnership": "http://127.0.0.1:8081", "assessment": "http://127.0.0.1:8082",
            "reporting": "http://127.0.0.1:8083"}
USER_IDS = {"admin": 1, "rivera": 2, "chen": 3, "okafor": 4, "nguyen": 5, "thompson": 6, "garcia": 7, "begay": 8,
            "walker": 9, "kim": 10, "santos": 11, "brooks": 12, "hughes": 13, "patel": 14, "outsider": 15}


def user_id(username: str) -> str:
    """The fixed Keycloak ids of the demo users (keycloak/partnership-pulse-realm.json)."""
    return f"a0000000-0000-4000-8000-{USER_IDS[username]:012d}"


class Api:
    def __init__(self, service: str):
        self.base = SERVICES[service]
        self.tokens = {}

    def token(self, username: str) -> str:
        if username not in self.tokens:
            data = urllib.parse.urlencode({"grant_type": "password", "client_id": "pulse-frontend",
                                           "username": username, "password": username}).encode()
            url = f"{KEYCLOAK}/realms/{REALM}/protocol/openid-connect/token"
            with urllib.request.urlopen(urllib.request.Request(url, data=data)) as response:
                self.tokens[username] = json.load(response)["access_token"]
        return self.tokens[username]

    def call(self, method, path, username, body=None, if_match=None, **query):
        url = self.base + path + ("?" + urllib.parse.urlencode(query) if query else "")
        headers = {"Authorization": "Bearer " + self.token(username), "Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if if_match:
            headers["If-Match"] = if_match
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request) as response:
                raw = response.read()
                return (json.loads(raw) if raw else None), response.headers.get("ETag")
        except urllib.error.HTTPError as e:
            raise SystemExit(f"{method} {url} as {username} -> {e.code}: {e.read().decode()}")

    def get(self, path, username, **query):
        return self.call("GET", path, username, **query)[0]

    def post(self, path, username, body, if_match=None):
        return self.call("POST", path, username, body, if_match)[0]

    def put(self, path, username, body, if_match=None):
        return self.call("PUT", path, username, body, if_match)[0]

    def etag(self, path, username):
        return self.call("GET", path, username)[1]
