/** Writing the audit log: the trail the services record security events through, and the outcomes of authentication. */
package dev.warden.application.audit;
