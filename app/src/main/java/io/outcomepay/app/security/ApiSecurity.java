package io.outcomepay.app.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import java.util.List;

/**
 * The REST API's users come from configuration ({@code outcomepay.security.users}). The month-close
 * steps, settling and payments (POST under /api/periods, /api/settlements and /api/payments) need a user (HTTP Basic), who is
 * the actor stored on the event; every other endpoint is open as before.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ApiSecurity.Users.class)
public class ApiSecurity {

    /** @param users name and password of each user */
    @ConfigurationProperties("outcomepay.security")
    public record Users(List<UserEntry> users) {
        public Users {
            users = users == null ? List.of() : List.copyOf(users);
        }
    }

    public record UserEntry(String name, String password) {
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    public UserDetailsService users(Users users, PasswordEncoder encoder) {
        List<UserDetails> details = users.users().stream().map(u -> User.withUsername(u.name())
                .password(u.password().startsWith("{") ? u.password() : encoder.encode(u.password()))
                .roles("FINANCE").build()).toList();
        return new InMemoryUserDetailsManager(details);
    }

    @Bean
    public SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/periods/**", "/api/payments/**", "/api/settlements/**").authenticated()
                        .requestMatchers("/api/processors/**").authenticated()
                        .anyRequest().permitAll())
                .httpBasic(basic -> {
                });
        return http.build();
    }
}
