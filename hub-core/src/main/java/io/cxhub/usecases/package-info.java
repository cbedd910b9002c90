/**
 * Use cases: the decisions the hub may take for a customer, defined in {@code usecases/*.yaml}.
 * {@link io.cxhub.usecases.UseCaseCatalog} loads the directory through
 * {@link io.cxhub.usecases.UseCaseLoader} (schema, then taxonomy, trait and channel checks, then CEL
 * compilation) into {@link io.cxhub.usecases.UseCase}s, whose
 * {@link io.cxhub.usecases.UseCase#evaluate} gives an {@link io.cxhub.usecases.Outcome} for one
 * profile; {@link io.cxhub.usecases.LiveUseCases} and {@link io.cxhub.usecases.UseCaseWatcher} keep
 * the catalog in service current. Pure logic: no I/O beyond reading the files, no arbitration, no
 * channels.
 */
package io.cxhub.usecases;
