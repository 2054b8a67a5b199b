/** Use-case implementations; constructed only by the composition root. */
package dev.warden.application.service;
