package dev.signalbus.it.tx;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** An order, persisted in the transaction that announces it. */
@Entity
public class PlacedOrder {

    @Id
    @GeneratedValue
    public Long id;

    public String item;
}
