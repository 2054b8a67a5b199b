/** In-process counting of failed authentications (the failed-authentication limiter's memory). */
package dev.warden.persistence.limiter;
