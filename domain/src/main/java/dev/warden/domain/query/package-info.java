/** The list-query model shared by use cases and repositories: paging and text matching. */
package dev.warden.domain.query;
