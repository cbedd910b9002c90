package io.cxhub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxhub.mapping.MappedRecord;
import io.cxhub.mapping.Mapping;
import io.cxhub.mapping.MappingLoader;
import io.cxhub.mapping.MappingRegistry;
import io.cxhub.spi.record.RawRecord;
import io.cxhub.taxonomy.Taxonomy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The compiled billing mappings against hand-written Java doing the same mapping, on the same
 * pre-parsed payload (parsing is the connector's cost, not the mapping's).
 *
 * <p>Run from the repository root so that {@code mappings/} is found, or pass
 * {@code -Dcxhub.mappings=/path/to/mappings}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MappingBenchmark {

  private Mapping invoices;
  private Mapping customers;
  private RawRecord invoice;
  private RawRecord customer;

  @Setup
  public void setUp() throws Exception {
    Path root = Path.of(System.getProperty("cxhub.mappings", "mappings"));
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException("no mappings directory at " + root.toAbsolutePath()
          + ": run from the repository root or pass -Dcxhub.mappings=DIR");
    }
    MappingRegistry registry = MappingRegistry.load(root, new MappingLoader(Taxonomy.loadDefault()));
    invoices = registry.find("billing", "invoices").orElseThrow();
    customers = registry.find("billing", "customers").orElseThrow();
    ObjectMapper json = new ObjectMapper();
    invoice = RawRecord.pushed("billing", "invoices", "in_1OaB2c", json.readTree("""
        {"invoice_id": "in_1OaB2c", "customer_id": "cus_000123", "number": "INV-2024-0042",
         "amount_due_cents": 129900, "amount_paid_cents": 0, "currency": "usd", "status": "open",
         "issued_on": "2024-05-01", "due_date": "2024-05-31", "paid_at": null,
         "updated_at": "2024-05-01T12:00:00-07:00"}
        """));
    customer = RawRecord.pushed("billing", "customers", "cus_000123", json.readTree("""
        {"customer_id": "cus_000123", "email": "  Jane.Doe@Example.COM ", "first_name": "Jane", "last_name": "Doe",
         "phone": "(415) 555-0100", "country": "us", "created_at": "2023-01-15T09:30:00+01:00",
         "updated_at": "2024-05-01T12:00:00Z"}
        """));
    if (!invoices.map(invoice).equals(HandWrittenBillingMapping.invoice(invoice))
        || !customers.map(customer).equals(HandWrittenBillingMapping.customer(customer))) {
      throw new IllegalStateException("baseline and compiled mapping disagree: the comparison would be meaningless");
    }
  }

  @Benchmark
  public MappedRecord invoiceCompiled() {
    return invoices.map(invoice);
  }

  @Benchmark
  public MappedRecord invoiceHandWritten() {
    return HandWrittenBillingMapping.invoice(invoice);
  }

  @Benchmark
  public MappedRecord customerCompiled() {
    return customers.map(customer);
  }

  @Benchmark
  public MappedRecord customerHandWritten() {
    return HandWrittenBillingMapping.customer(customer);
  }
}
