/**
 * The records the features share: partnerships, the organisations and people of the shared directories, and how
 * they belong to partnerships (memberships, roles, origins). Every feature reads them (access checks the caller's
 * roles, events describe them, one feature checks another's records), so they sit below all features and depend on
 * nothing but sectors; the rules and the API for each record stay in its feature's package
 * ({@code partnership}, {@code organisation}, {@code person}, {@code membership}).
 */
package org.partnershippulse.partnership.model;
