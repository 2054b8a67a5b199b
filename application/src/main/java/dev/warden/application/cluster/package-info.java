/** Running as one of several nodes: following the shared change feed to keep local caches true. */
package dev.warden.application.cluster;
