/** Driving ports: one interface per use case, with its command or query and result records. */
package dev.warden.application.port.in;
