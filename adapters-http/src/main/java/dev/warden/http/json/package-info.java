/** JSON encoding shared by the endpoints: protojson conventions, timestamps, object details. */
package dev.warden.http.json;
