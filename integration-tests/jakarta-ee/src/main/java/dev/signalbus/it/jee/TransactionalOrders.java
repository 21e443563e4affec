package dev.signalbus.it.jee;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import dev.signalbus.Publishes;

/**
 * Places orders in the server's default datasource and announces their ids on topic "tx-orders",
 * each in a JTA transaction: the signal follows it.
 */
@ApplicationScoped
public class TransactionalOrders {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Its own transaction: published once it commits. */
    @Transactional
    @Publishes("tx-orders")
    public long place(String item) {
        return insert(item);
    }

    /** Returns normally, but its transaction is marked for rollback: nothing may be published. */
    @Transactional
    @Publishes("tx-orders")
    public long placeAndRollBack(String item) {
        long id = insert(item);
        transactions.setRollbackOnly();
        return id;
    }

    /** Published at once, in the caller's transaction. */
    @Transactional
    @Publishes(value = "tx-orders", during = TransactionPhase.IN_PROGRESS)
    public long placeInProgress(String item) {
        return insert(item);
    }

    /** Whether the order is committed, read outside any transaction. */
    boolean committed(long id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM tx_orders WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1) == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long insert(String item) {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE IF NOT EXISTS tx_orders (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
                        + " item VARCHAR(200))");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tx_orders (item) VALUES (?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, item);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
