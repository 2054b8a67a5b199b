/** Principals: who an authenticated request acts for, whatever method authenticated it. */
package dev.warden.domain.principal;
