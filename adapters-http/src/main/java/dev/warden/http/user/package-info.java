/**
 * Machine (service) user routes of the management API: the endpoint and its wire records, one
 * {@code …Request} per request body with {@code toCommand}/{@code toQuery}, one {@code …Response}
 * per answer with {@code from}.
 */
package dev.warden.http.user;
